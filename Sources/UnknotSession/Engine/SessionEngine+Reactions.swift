import UnknotCore

extension SessionEngine {
    /// Takes a reaction a detector reported. Below its confidence threshold it is recorded and
    /// not acted on; the client's own controls always win over it.
    public mutating func take(_ reaction: ReactionEvent) {
        if case .ignore(let why) = reactions.admit(reaction, state: state, slot: currentSlot, at: now) {
            return emit(.reaction(reaction, actedOn: false, note: why))
        }
        emit(.reaction(reaction, actedOn: true, note: nil))
        switch reaction.kind {
        case .pain:
            respondToPain(
                source: reaction.evidence.first?.description ?? "signs of pain", rating: nil, fromDetector: true)
        case .crying:
            respondToCrying()
        case .laughter:
            respondToLaughter()
        case .sleep:
            if let open = openCheckIn, open.kind == .pressure { closeCheckIn(open.kind, answer: nil) }
            record(policy.row(for: .sleep, carePlan: carePlan), area: nil, detail: "")
        case .relaxation:
            if reactions.relaxationResponseDue(at: now) {
                record(policy.row(for: .relaxation, carePlan: carePlan), area: nil, detail: "")
            }
        case .sigh:
            record(policy.row(for: .sigh, carePlan: carePlan), area: nil, detail: "")
        case .digestiveNoise:
            record(policy.row(for: .digestiveNoise, carePlan: carePlan), area: nil, detail: "")
        }
    }

    /// Where a reaction happened: the contact now, or the contact of the last few seconds.
    var reactionSpot: (slot: Int, center: SurfacePoint, face: BodyFace, level: Int)? {
        if lastSetpoint.contact {
            return (player.active.partSlot, lastSetpoint.position, lastSetpoint.face, player.active.level)
        }
        if let contact = lastContact, now - contact.at <= 3_000 {
            return (contact.slot, contact.position, contact.face, contact.level)
        }
        return nil
    }

    /// A spot learned from a reaction at `spot`.
    func learnedSpot(
        at spot: (slot: Int, center: SurfacePoint, face: BodyFace, level: Int), count: Int, fromDetector: Bool
    ) -> LearnedSpot {
        LearnedSpot(
            part: PartSlot.part(spot.slot), slot: spot.slot, face: spot.face, center: spot.center,
            radius: configuration.learnedSpotRadius, count: count, fromDetector: fromDetector, level: spot.level,
            lastAt: now)
    }

    /// Leaves a spot alone for the rest of the session: playback plans around it and the
    /// supervisor refuses any contact that reaches it.
    mutating func leave(
        tender: Bool, at spot: (slot: Int, center: SurfacePoint, face: BodyFace, level: Int), existing: Int?,
        fromDetector: Bool
    ) {
        let left = spots.leave(
            tender: tender, existing: existing, new: learnedSpot(at: spot, count: 2, fromDetector: fromDetector),
            at: now)
        supervisor.forbid(spotAt: left.center, radius: left.radius, on: spot.face)
    }
}
