import UnknotCore

extension SessionEngine {
    // MARK: - Tears

    /// Answers tears as the client's crying directive says: with pain in the picture, as pain
    /// first; then lighter, slower, a quiet question, a pause or the end.
    mutating func respondToCrying() {
        reactions.wake()
        let withPain = guarding.isGuarding || reactions.painWithin(15_000, at: now)
        tally.cryingContexts.append(cryingContext())
        if withPain {
            let row = policy.row(for: .cryingWithPain, carePlan: carePlan)
            record(row, area: currentSlot.map { PartSlot.part($0).area }, detail: "tears with signs of pain")
            if !reactions.painWithin(10_000, at: now) {
                respondToPain(source: "tears with muscle guarding", rating: nil, fromDetector: true)
            }
        }
        let row = policy.row(for: .cryingWithoutPain, carePlan: carePlan)
        var detail = withPain ? "then as tears" : "no sign of pain"
        for action in row.actions {
            switch action {
            case .lowerIntensityOneLevel:
                if levels.drop == 0 { lighterEverywhere() } else { detail += "; already lighter" }
            case .slowDown:
                levels.slowDown()
                refreshActive()
            case .checkInQuietlyOnce:
                if !reactions.asleep, checkIns.firstQuestionAboutTears() {
                    askAboutCrying()
                } else {
                    detail += "; already asked once"
                }
            case .checkInAboutCrying:
                if checkIns.mayAskAboutTears(at: now) {
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
        for q in 0..<PartSlot.count { before.append(levels.cap(q)) }
        levels.lightenEverywhere()
        for q in 0..<PartSlot.count where levels.parts[q].worked || q == player.active.partSlot {
            levelChanged(q, from: before[q])
        }
        for q in 0..<PartSlot.count {
            supervisor.setClientLevel(PressureLevel(clamping: levels.cap(q)), for: PartSlot.part(q))
        }
        refreshActive()
    }

    func cryingContext() -> String {
        guard let q = currentSlot else { return "before any contact" }
        let phase = plan.phases.first { planTime >= $0.startMilliseconds && planTime < $0.endMilliseconds }
        // The level the client felt there, not the part's level or the phase's.
        let felt = levels.parts[q].lastFelt ?? levels.cap(q)
        return "\(player.active.technique.displayName) on the \(PartSlot.part(q).area) at level \(felt)"
            + (phase.map { " (\($0.kind.displayName))" } ?? "")
    }

    // MARK: - Laughter

    /// Answers laughter under the arm: firmer, slower and broader on the part; a spot that
    /// makes the client laugh again gets broad still pressure, or is left alone, as the
    /// client's ticklishness directive says.
    mutating func respondToLaughter() {
        reactions.wake()
        guard let spot = reactionSpot else {
            return record(
                PolicyRow(.laughter, [.keepGoing], say: nil), area: nil, detail: "nothing in contact: nothing to change"
            )
        }
        let q = spot.slot
        let part = PartSlot.part(q)
        let existing = spots.ticklishSpot(
            on: q, near: spot.center, face: spot.face, within: configuration.sameSpotDistance)
        if let existing, now - spots.ticklish[existing].lastAt < 3_000 {
            return record(PolicyRow(.laughter, [.keepGoing], say: nil), area: part.area, detail: "the same laugh")
        }
        let again = existing != nil
        let row = policy.row(for: again ? .laughterAgainAtSpot : .laughter, carePlan: carePlan)
        for action in row.actions {
            switch action {
            case .firmerSlowerBroad:
                let before = levels.cap(q)
                levels.makeTicklish(q)
                levelChanged(q, from: before)
            case .markSpotTicklish:
                if let existing {
                    spots.laughedAgain(existing, at: now)
                } else if !row.actions.contains(.skipSpot) {
                    spots.learnTicklish(learnedSpot(at: spot, count: 1, fromDetector: true))
                }
            case .broadStillPressureOnSpot:
                if let existing { spots.holdStillOn(existing) }
                if lastSetpoint.contact, let index = existing ?? spots.ticklish.indices.last {
                    player.holdStill(on: spots.ticklish[index], levels: &levels, supervisor: supervisor, at: now)
                }
            case .skipSpot:
                leave(tender: false, at: spot, existing: existing, fromDetector: true)
                if lastSetpoint.contact { player.stop() }
            default: break
            }
        }
        record(row, area: part.area, detail: again ? "laughter again at the spot" : "first laughter here")
        say(fill(row.message, q), .information)
    }
}
