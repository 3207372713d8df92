import UnknotCore

extension SessionEngine {
    /// Takes a reaction a detector reported. Below its confidence threshold it is recorded and
    /// not acted on; the client's own controls always win over it.
    public mutating func take(_ reaction: ReactionEvent) {
        let threshold = configuration.minimumConfidence[reaction.kind] ?? 0.6
        guard reaction.confidence >= threshold else {
            return emit(.reaction(reaction, actedOn: false, note: "below the \(threshold) confidence threshold"))
        }
        guard state.movesPlan || state == .settlingIn || state == .pausedByClient || state == .onBreak else {
            return emit(.reaction(reaction, actedOn: false, note: "session \(state.displayName)"))
        }
        switch reaction.kind {
        case .pain:
            if let q = currentSlot, tally.fineAnswers[q].elapsed(until: now) < 60_000 {
                return emit(.reaction(reaction, actedOn: false, note: "you said it was fine here a moment ago"))
            }
            emit(.reaction(reaction, actedOn: true, note: nil))
            respondToPain(
                source: reaction.evidence.first?.description ?? "signs of pain", rating: nil, fromDetector: true)
        case .crying:
            // Reports less than a minute apart belong to one episode of tears.
            let previous = lastCryingAt
            lastCryingAt = now
            guard previous.elapsed(until: now) > 60_000 else {
                return emit(.reaction(reaction, actedOn: false, note: "the same episode of tears"))
            }
            emit(.reaction(reaction, actedOn: true, note: nil))
            respondToCrying()
        case .laughter:
            emit(.reaction(reaction, actedOn: true, note: nil))
            respondToLaughter()
        case .sleep:
            guard lastControlAt.elapsed(until: now) >= configuration.awakeAfterControlMilliseconds else {
                return emit(.reaction(reaction, actedOn: false, note: "you pressed a control moments ago"))
            }
            guard !asleep else { return emit(.reaction(reaction, actedOn: false, note: "already asleep")) }
            emit(.reaction(reaction, actedOn: true, note: nil))
            asleep = true
            if let open = openCheckIn, open.kind == .pressure { closeCheckIn(open.kind, answer: nil) }
            record(policy.row(for: .sleep, carePlan: carePlan), area: nil, detail: "")
        case .relaxation:
            emit(.reaction(reaction, actedOn: true, note: nil))
            if lastRelaxationAt.elapsed(until: now) >= 120_000 {
                lastRelaxationAt = now
                record(policy.row(for: .relaxation, carePlan: carePlan), area: nil, detail: "")
            }
        case .sigh:
            emit(.reaction(reaction, actedOn: true, note: nil))
            record(policy.row(for: .sigh, carePlan: carePlan), area: nil, detail: "")
        case .digestiveNoise:
            emit(.reaction(reaction, actedOn: true, note: nil))
            record(policy.row(for: .digestiveNoise, carePlan: carePlan), area: nil, detail: "")
        }
    }

    /// Where a reaction happened: the contact now, or the contact of the last few seconds.
    var reactionSpot: (slot: Int, center: SurfacePoint, face: BodyFace, level: Int)? {
        if lastSetpoint.contact { return (active.partSlot, lastSetpoint.position, lastSetpoint.face, active.level) }
        if let contact = lastContact, now - contact.at <= 3_000 {
            return (contact.slot, contact.position, contact.face, contact.level)
        }
        return nil
    }

    // MARK: - Pain

    /// Pain reports this close together are one pain.
    static let samePainMilliseconds = 3_000
    /// A level held this long without complaint is itself comfortable: the cut is then one level.
    static let comfortableMemoryMilliseconds = 60_000

    mutating func respondToPain(source: String, rating: Int?, fromDetector: Bool) {
        asleep = false
        guardingQuietUntil = now + 5_000
        // Reports within moments of a pain already answered are the same pain (guarding, then
        // a groan, then the client's own "that hurts"): once is the response, not three times.
        // Only where it hurt before: the contact may have moved on to another part meanwhile.
        // And only if nothing has lowered the level since: pain at a lower level is new pain.
        let here = reactionSpot?.slot ?? currentSlot
        if lastPainAt.elapsed(until: now) < Self.samePainMilliseconds, let here, here == lastPainSlot,
            effectiveCap(here) >= lastPainLeftLevel
        {
            if !fromDetector {
                // The client confirms what a detector saw: no "it's fine" undo any more.
                if let last = tender.indices.last, now - tender[last].lastAt < Self.samePainMilliseconds {
                    tender[last].fromDetector = false
                }
                tally.detectedPainUndo = nil
                if openCheckIn?.kind == .afterDetectedPain { askAfterPain(fromDetector: false, slot: openCheckInSlot) }
            }
            emit(
                .decision(
                    PolicyDecision(
                        trigger: .pain, choice: nil, actions: [], area: currentSlot.map { PartSlot.part($0).area },
                        detail:
                            "\(source): the same pain as \(Double(lastPainAt.elapsed(until: now)) / 1_000) s ago, already eased"
                    ))
            )
            return
        }
        lastPainAt = now
        lastPainSlot = here
        guard let spot = reactionSpot else {
            // Nothing in contact: lighten the area just worked, if any, and ask.
            let row = policy.row(for: .pain, carePlan: carePlan)
            if let q = currentSlot {
                let before = effectiveCap(q)
                cut(q, felt: before, rating: rating)
                lastPainLeftLevel = effectiveCap(q)
                record(row, area: PartSlot.part(q).area, detail: "\(source); nothing in contact")
                say(fill(row.message, q), .safety)
            } else {
                record(row, area: nil, detail: "\(source); nothing in contact yet")
                say("Nothing is touching you right now. Tell me where, or press pause.", .safety)
            }
            askAfterPain(fromDetector: fromDetector, slot: currentSlot)
            return
        }
        let q = spot.slot
        let part = PartSlot.part(q)
        tally.detectedPainUndo = fromDetector ? (q, parts[q].level, parts[q].painCap) : nil
        let near = configuration.sameSpotDistance
        let existing = tender.firstIndex {
            !$0.left && $0.slot == q && $0.contains(spot.center, face: spot.face, within: near)
        }
        let again = existing != nil
        let row = policy.row(for: again ? .painAgainAtSpot : .pain, carePlan: carePlan)
        var detail = "\(source); level \(spot.level)"
        for action in row.actions {
            switch action {
            case .cutPressureAtSpot:
                let after = cut(q, felt: spot.level, rating: rating)
                detail += " → \(after)"
            case .markSpotTender:
                if let existing {
                    tender[existing].count += 1
                    tender[existing].lastAt = now
                } else {
                    tender.append(
                        LearnedSpot(
                            part: part, slot: q, face: spot.face, center: spot.center,
                            radius: configuration.learnedSpotRadius, count: 1, fromDetector: fromDetector,
                            level: spot.level, lastAt: now))
                }
            case .leaveSpotForSession:
                leave(
                    tenderSpot: true, part: part, slot: q, center: spot.center, face: spot.face, existing: existing,
                    fromDetector: fromDetector, level: spot.level)
            case .alertStaffIfAllowed:
                if carePlan.staffMayBeAlerted, again || (rating ?? 0) >= 8 {
                    emit(
                        .alert(
                            StaffAlert(
                                kind: .persistentPain,
                                text: again
                                    ? "Pain again at the same spot on the \(part.area)."
                                    : "Severe pain (\(rating ?? 0)/10) on the \(part.area).")))
                }
            case .checkInAfterPain: break
            default: break
            }
        }
        refreshActive()
        lastPainLeftLevel = effectiveCap(q)
        record(row, area: part.area, detail: detail)
        say(fill(row.message, q), .safety)
        if row.actions.contains(.checkInAfterPain) { askAfterPain(fromDetector: fromDetector, slot: q) }
    }

    /// Cuts a part's level after pain: at least one level below what was felt (two for a rating
    /// well above the pain limit), and no higher than the last level the client was comfortable
    /// with. The level that hurt is never offered again this session.
    @discardableResult
    mutating func cut(_ q: Int, felt: Int, rating: Int?) -> Int {
        let before = effectiveCap(q)
        let steps = (rating ?? 0) > carePlan.painLimit.value + 1 ? 2 : 1
        var target = felt - steps
        if let comfortable = parts[q].comfortable, let raisedAt = parts[q].raisedAt,
            now - raisedAt < Self.comfortableMemoryMilliseconds
        {
            target = min(target, comfortable)
        }
        target = max(1, target)
        parts[q].painCap = max(1, min(parts[q].painCap, felt - 1))
        parts[q].levelTouched = true
        // Express the new level in the client's own terms (before ticklish firmness and tear-time lightening).
        parts[q].level = max(1, min(parts[q].level, target - parts[q].firmer + globalDrop))
        parts[q].comfortable = nil
        levelChanged(q, from: before)
        return effectiveCap(q)
    }

    /// Leaves a spot for the rest of the session: the engine plans around it and the supervisor
    /// refuses any contact that reaches it.
    mutating func leave(
        tenderSpot: Bool, part: BodyPartID, slot q: Int, center: SurfacePoint, face: BodyFace, existing: Int?,
        fromDetector: Bool, level: Int
    ) {
        var spots = tenderSpot ? tender : ticklish
        let index: Int
        if let existing {
            index = existing
            spots[index].count += 1
        } else {
            spots.append(
                LearnedSpot(
                    part: part, slot: q, face: face, center: center, radius: configuration.learnedSpotRadius, count: 2,
                    fromDetector: fromDetector, level: level, lastAt: now))
            index = spots.count - 1
        }
        spots[index].left = true
        spots[index].lastAt = now
        supervisor.forbid(spotAt: spots[index].center, radius: spots[index].radius, on: face)
        if tenderSpot { tender = spots } else { ticklish = spots }
    }

    // MARK: - Crying

    mutating func respondToCrying() {
        asleep = false
        let withPain = guardingTicks > 0 || lastPainAt.elapsed(until: now) < 15_000
        tally.cryingContexts.append(cryingContext())
        if withPain {
            let row = policy.row(for: .cryingWithPain, carePlan: carePlan)
            record(row, area: currentSlot.map { PartSlot.part($0).area }, detail: "tears with signs of pain")
            if lastPainAt.elapsed(until: now) >= 10_000 {
                respondToPain(source: "tears with muscle guarding", rating: nil, fromDetector: true)
            }
        }
        let row = policy.row(for: .cryingWithoutPain, carePlan: carePlan)
        var detail = withPain ? "then as tears" : "no sign of pain"
        for action in row.actions {
            switch action {
            case .lowerIntensityOneLevel:
                if globalDrop == 0 { lighterEverywhere() } else { detail += "; already lighter" }
            case .slowDown:
                globalSpeed = Self.slowerSpeed
                refreshActive()
            case .checkInQuietlyOnce:
                if !cryingCheckInAsked, !asleep {
                    cryingCheckInAsked = true
                    askAboutCrying()
                } else {
                    detail += "; already asked once"
                }
            case .checkInAboutCrying:
                if lastCryingCheckInAt.elapsed(until: now) >= 300_000 {
                    askAboutCrying()
                } else {
                    detail += "; asked recently"
                }
            case .pauseAndLift:
                if state.movesPlan {
                    if let open = openCheckIn { closeCheckIn(open.kind, answer: nil) }
                    enter(.pausedByClient)
                }
            case .endSession:
                beginEnding("ended on tears, as you asked in your care plan")
            default: break
            }
        }
        record(row, area: currentSlot.map { PartSlot.part($0).area }, detail: detail)
        if let message = row.message { say(message, .information, quiet: true) }
    }

    /// One level lighter everywhere from now on (after tears).
    mutating func lighterEverywhere() {
        var before = [Int]()
        before.reserveCapacity(PartSlot.count)
        for q in 0..<PartSlot.count { before.append(effectiveCap(q)) }
        globalDrop = 1
        for q in 0..<PartSlot.count where parts[q].worked || q == active.partSlot {
            levelChanged(q, from: before[q])
        }
        for q in 0..<PartSlot.count {
            supervisor.setClientLevel(PressureLevel(clamping: effectiveCap(q)), for: PartSlot.part(q))
        }
        refreshActive()
    }

    func cryingContext() -> String {
        guard let q = currentSlot else { return "before any contact" }
        let phase = plan.phases.first { planTime >= $0.startMilliseconds && planTime < $0.endMilliseconds }
        return "\(active.technique.displayName) on the \(PartSlot.part(q).area) at level \(effectiveCap(q))"
            + (phase.map { " (\($0.kind.displayName))" } ?? "")
    }

    // MARK: - Laughter

    mutating func respondToLaughter() {
        asleep = false
        guard let spot = reactionSpot else {
            return record(
                PolicyRow(.laughter, [.keepGoing], say: nil), area: nil, detail: "nothing in contact: nothing to change"
            )
        }
        let q = spot.slot
        let part = PartSlot.part(q)
        let existing = ticklish.firstIndex {
            $0.slot == q && $0.contains(spot.center, face: spot.face, within: configuration.sameSpotDistance)
        }
        if let existing, now - ticklish[existing].lastAt < 3_000 {
            return record(PolicyRow(.laughter, [.keepGoing], say: nil), area: part.area, detail: "the same laugh")
        }
        let again = existing != nil
        let row = policy.row(for: again ? .laughterAgainAtSpot : .laughter, carePlan: carePlan)
        for action in row.actions {
            switch action {
            case .firmerSlowerBroad:
                let before = effectiveCap(q)
                parts[q].firmer = 1
                parts[q].slower = true
                parts[q].preferBroad = true
                levelChanged(q, from: before)
            case .markSpotTicklish:
                if let existing {
                    ticklish[existing].count += 1
                    ticklish[existing].lastAt = now
                } else if !row.actions.contains(.skipSpot) {
                    ticklish.append(
                        LearnedSpot(
                            part: part, slot: q, face: spot.face, center: spot.center,
                            radius: configuration.learnedSpotRadius, count: 1, fromDetector: true, level: spot.level,
                            lastAt: now))
                }
            case .broadStillPressureOnSpot:
                if let existing, ticklish[existing].count < 2 { ticklish[existing].count = 2 }
                if lastSetpoint.contact, let index = existing ?? ticklish.indices.last {
                    holdStill(on: ticklish[index])
                    active.contactStart = nil
                }
            case .skipSpot:
                leave(
                    tenderSpot: false, part: part, slot: q, center: spot.center, face: spot.face, existing: existing,
                    fromDetector: true, level: spot.level)
                if lastSetpoint.contact { active.kind = .idle }
            default: break
            }
        }
        record(row, area: part.area, detail: again ? "laughter again at the spot" : "first laughter here")
        say(fill(row.message, q), .information)
    }

    // MARK: - Guarding

    /// Muscle guarding: the tissue under the contact stiffens well above what it was at the
    /// start of the stroke, or the measured force spikes above the target.
    mutating func watchForGuarding(_ frame: SensorFrame) {
        guard lastSetpoint.contact, lastSetpoint.normalForce > 2, state.movesPlan else {
            guardingTicks = 0
            spikeTicks = 0
            return
        }
        let k = frame.tissueStiffness
        if contactTicks < 300 {
            stiffnessFast = k
            stiffnessSlow = k
            guardingTicks = 0
            spikeTicks = 0
            return
        }
        stiffnessFast += (k - stiffnessFast) * 0.02
        stiffnessSlow += (k - stiffnessSlow) * 0.0002
        guardingTicks = stiffnessFast > stiffnessSlow * 1.35 + 0.3 ? guardingTicks + 1 : 0
        spikeTicks = frame.measuredForce > lastSetpoint.normalForce * 1.3 + 3 ? spikeTicks + 1 : 0
        guard now >= guardingQuietUntil else { return }
        if guardingTicks >= 200 || spikeTicks >= 50 {
            let evidence: ReactionEvidence = guardingTicks >= 200 ? .guarding : .forceSpike
            guardingTicks = 0
            spikeTicks = 0
            emit(.reaction(ReactionEvent(.pain, confidence: 0.8, evidence: [evidence]), actedOn: true, note: nil))
            respondToPain(source: evidence.description, rating: nil, fromDetector: true)
        }
    }
}
