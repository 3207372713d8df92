import UnknotCore

extension SessionEngine {
    /// A bump: the supervisor measured the force jump far past the press (a flinch, the client
    /// moving, the table knocked) and lifted for a moment. A force spike is pain's evidence (CARE.md
    /// section 1): the care plan's pain row answers it, as for guarding, once the arm is off the skin.
    mutating func answerBump() {
        guard state.movesPlan, let bump = supervisor.lastBump else { return }
        let note = String(
            format: "%.0f N against a press of %.0f N (bump limit %.0f N); lifted for %d ms", bump.measured,
            bump.pressed, bump.limit, SafetyLimits.bumpHoldMilliseconds)
        emit(.reaction(ReactionEvent(.pain, confidence: 0.7, evidence: [.forceSpike]), actedOn: true, note: note))
        respondToPain(source: "a sudden push against the pad", rating: nil, fromDetector: true)
    }

    /// Answers pain: the client's "that hurts" (with its rating, if any), a detector's report,
    /// or guarding read from the robot's force sensing. The care policy's pain row (or its
    /// row for pain again at a spot) says what to do.
    mutating func respondToPain(source: String, rating: Int?, fromDetector: Bool) {
        reactions.wake()
        guarding.quiet(until: now + 5_000)
        // Reports within moments of a pain already answered are the same pain (guarding, then
        // a groan, then the client's own "that hurts"): once is the response, not three times.
        // Only where it hurt before: the contact may have moved on to another part meanwhile.
        // And only if nothing has lowered the level since: pain at a lower level is new pain.
        let here = reactionSpot?.slot ?? currentSlot
        if let elapsed = reactions.samePain(on: here, cap: here.map { levels.cap($0) }, at: now) {
            if !fromDetector {
                // The client confirms what a detector saw: no "it's fine" undo any more.
                spots.confirmLatest(within: ReactionPolicy.samePainMilliseconds, at: now)
                reactions.remember(undo: nil)
                if openCheckIn?.kind == .afterDetectedPain {
                    askAfterPain(fromDetector: false, slot: checkIns.openSlot)
                }
            }
            emit(
                .decision(
                    PolicyDecision(
                        trigger: .pain, choice: nil, actions: [], area: currentSlot.map { PartSlot.part($0).area },
                        detail: "\(source): the same pain as \(Double(elapsed) / 1_000) s ago, already eased")))
            return
        }
        reactions.painAnswered(on: here, at: now)
        guard let spot = reactionSpot else { return respondToPainWithoutContact(source, rating, fromDetector) }
        let q = spot.slot
        let part = PartSlot.part(q)
        reactions.remember(undo: fromDetector ? (q, levels.parts[q].level, levels.parts[q].painCap) : nil)
        let existing = spots.tenderSpot(
            on: q, near: spot.center, face: spot.face, within: configuration.sameSpotDistance)
        // Nothing is lighter than level 1: pain there is answered as pain again, by leaving the
        // spot for the session (the pressure cannot drop by a level any other way).
        let lightest = existing == nil && spot.level <= 1
        let again = existing != nil || lightest
        let row = policy.row(for: again ? .painAgainAtSpot : .pain, carePlan: carePlan)
        var detail = "\(source); level \(spot.level)\(lightest ? ", already the lightest" : "")"
        for action in row.actions {
            switch action {
            case .cutPressureAtSpot:
                detail += " → \(cut(q, felt: spot.level, rating: rating))"
            case .markSpotTender:
                if let existing {
                    spots.hurtAgain(existing, at: now)
                } else {
                    spots.learnTender(learnedSpot(at: spot, count: 1, fromDetector: fromDetector))
                }
            case .leaveSpotForSession:
                leave(tender: true, at: spot, existing: existing, fromDetector: fromDetector)
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
            default: break
            }
        }
        refreshActive()
        reactions.painLeft(level: levels.cap(q))
        record(row, area: part.area, detail: detail)
        say(
            lightest
                ? "That was already the lightest pressure, so I'll leave that spot on your \(part.area) alone for the rest of the session."
                : fill(row.message, q), .safety)
        if row.actions.contains(.checkInAfterPain) { askAfterPain(fromDetector: fromDetector, slot: q) }
    }

    /// Pain with nothing in contact: lightens the area just worked, if any, and asks.
    private mutating func respondToPainWithoutContact(_ source: String, _ rating: Int?, _ fromDetector: Bool) {
        let row = policy.row(for: .pain, carePlan: carePlan)
        if let q = currentSlot {
            cut(q, felt: levels.cap(q), rating: rating)
            reactions.painLeft(level: levels.cap(q))
            record(row, area: PartSlot.part(q).area, detail: "\(source); nothing in contact")
            say(fill(row.message, q), .safety)
        } else {
            record(row, area: nil, detail: "\(source); nothing in contact yet")
            say("Nothing is touching you right now. Tell me where, or press pause.", .safety)
        }
        askAfterPain(fromDetector: fromDetector, slot: currentSlot)
    }

    /// Cuts a part's level after pain (``ClientLevels/cut(_:felt:rating:painLimit:at:)``) and
    /// tells the supervisor and the record. Returns the part's level after.
    @discardableResult
    mutating func cut(_ q: Int, felt: Int, rating: Int?) -> Int {
        levels.cut(q, felt: felt, rating: rating, painLimit: carePlan.painLimit.value, at: now)
        // From the level that hurt, as the decision says (the part's own level may have been
        // higher, on its way up through a warm-up).
        levelChanged(q, from: felt)
        return levels.cap(q)
    }
}
