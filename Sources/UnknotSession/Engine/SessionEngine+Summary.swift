import UnknotCore
import UnknotSignals

extension SessionEngine {
    /// What the session did and learned so far (complete once finished).
    public func summary() -> SessionSummary {
        var areaLevels: [AreaPressure] = []
        var suggestions: [CarePlanSuggestion] = []
        // Pressure the client settled on, per worked part (both sides together when they agree).
        var settled: [BodyPartID: Int] = [:]
        for q in 0..<PartSlot.count where levels.parts[q].worked {
            let part = PartSlot.part(q)
            settled[part] = min(max(1, levels.parts[q].level), levels.ceiling(q))
        }
        var done = Set<BodyPartID>()
        for part in settled.keys.sorted() where !done.contains(part) {
            let value = settled[part]!
            var area = part.area
            if part.region.isLateral {
                let other = BodyPartID(part.region, part.side == .left ? .right : .left)
                if settled[other] == value {
                    area = BodyArea(part.region)
                    done.insert(other)
                }
            }
            done.insert(part)
            areaLevels.append(AreaPressure(area, PressureLevel(clamping: value)))
            let before = min(carePlan.preferredLevel(for: part), carePlan.painLimit)
            let touched =
                levels.parts[part].levelTouched
                || (part.region.isLateral && area.side == nil
                    && levels.parts[BodyPartID(part.region, part.side == .left ? .right : .left)].levelTouched)
            if touched, value != before.value,
                !carePlan.pressure.byArea.contains(where: { $0.area == area && $0.level.value == value })
            {
                suggestions.append(.setPressure(AreaPressure(area, PressureLevel(clamping: value)), was: before))
            }
        }
        for spot in spots.tender where !(spot.fromDetector && reactions.calledFine(spot.slot)) {
            let patch = body.patch(for: spot.part)
            let note = spot.left ? "hurt twice at level \(spot.level); left alone" : "hurt at level \(spot.level)"
            let bodySpot = BodySpot(
                area: spot.part.area, at: patch.coordinate(of: spot.center), radius: spot.radius, source: .learned,
                note: note)
            suggestions.append(.addTenderSpot(bodySpot))
        }
        for spot in spots.ticklish {
            let patch = body.patch(for: spot.part)
            suggestions.append(
                .addTicklishSpot(
                    BodySpot(
                        area: spot.part.area, at: patch.coordinate(of: spot.center), radius: spot.radius,
                        source: .learned, note: spot.count > 1 ? "laughed \(spot.count) times" : "laughed")))
        }
        for q in 0..<PartSlot.count where levels.parts[q].skipped {
            suggestions.append(.avoidArea(PartSlot.part(q).area))
        }
        if carePlan.ifICry == nil, let answer = tally.cryingAnswers.first {
            let directive: CryingDirective =
                switch answer {
                case .keepGoing: .keepGoingQuietly
                default: .pauseAndOfferTissue
                }
            suggestions.append(.setCryingDirective(directive))
        }
        for context in tally.cryingContexts {
            suggestions.append(.note("Tears came during \(context). That's a normal release."))
        }
        let cried = (tally.reactions[.crying] ?? 0) > 0
        let laughed = (tally.reactions[.laughter] ?? 0) > 0
        var reassurance = policy.row(for: .sessionEnded, carePlan: carePlan).message ?? ""
        if cried || laughed {
            let what =
                cried && laughed
                ? "Tears and laughter during a massage are"
                : cried ? "Tears during a massage are" : "Laughter during a massage is"
            reassurance = "\(what) normal and common. " + reassurance
        }
        return SessionSummary(
            programName: plan.programName, bookedMinutes: plan.minutes, finalState: state,
            endReason: endReason ?? "still running", workedMilliseconds: planTime,
            pausedMilliseconds: pausedMilliseconds, reactions: tally.reactions, responses: tally.responses,
            faults: tally.faults, checkInsAsked: tally.checkInsAsked, checkInsAnswered: tally.checkInsAnswered,
            checkInsSkippedWhileAsleep: tally.checkInsSkippedAsleep, safety: supervisor.interventions,
            heartAtStart: heart.atStart,
            heartAtEnd: heart.atEnd, levels: areaLevels,
            suggestions: suggestions, reassurance: reassurance)
    }
}
