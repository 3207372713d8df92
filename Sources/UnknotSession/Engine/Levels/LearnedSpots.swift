import UnknotCore

/// The spots the session learned from the client's body: tender ones (pain) and ticklish ones
/// (laughter), how often, and which are left alone for the rest of the session.
///
/// Inputs: where a pain or a laugh happened. Outputs: whether a stroke or a point reaches a
/// spot. Guarantees: a spot once left alone stays left; a spot learned only from a detector is
/// forgotten when the client says it was fine.
struct LearnedSpots: Sendable {
    private(set) var tender: [LearnedSpot] = []
    private(set) var ticklish: [LearnedSpot] = []

    init() {
        tender.reserveCapacity(16)
        ticklish.reserveCapacity(16)
    }

    /// Whether `stroke`'s contact reaches `spot`.
    static func touches(_ stroke: Stroke, _ spot: LearnedSpot) -> Bool {
        guard stroke.face == spot.face else { return false }
        return spot.center.distance(toPath: stroke.path) < spot.radius + stroke.technique.spec.contactWidth / 2
    }

    /// Whether `stroke` reaches a spot left alone.
    func touchesLeftSpot(_ stroke: Stroke) -> Bool {
        for spot in tender where spot.left && Self.touches(stroke, spot) { return true }
        for spot in ticklish where spot.left && Self.touches(stroke, spot) { return true }
        return false
    }

    /// Whether `stroke` reaches a tender spot still worked (lighter).
    func touchesTenderSpot(_ stroke: Stroke) -> Bool {
        tender.contains { !$0.left && Self.touches(stroke, $0) }
    }

    /// Whether a contact of `radius` at `point` reaches a spot left alone.
    func reachesLeftSpot(_ point: SurfacePoint, face: BodyFace, radius: Double) -> Bool {
        for spot in tender where spot.left && spot.contains(point, face: face, within: spot.radius + radius) {
            return true
        }
        for spot in ticklish where spot.left && spot.contains(point, face: face, within: spot.radius + radius) {
            return true
        }
        return false
    }

    /// The ticklish spot `stroke` reaches that has made the client laugh twice, if any.
    func ticklishSpotLaughedTwice(on stroke: Stroke) -> LearnedSpot? {
        ticklish.first { $0.count >= 2 && Self.touches(stroke, $0) }
    }

    // MARK: - Tender

    /// The tender spot (not left) on part slot `q` within `distance` of `center`.
    func tenderSpot(on q: Int, near center: SurfacePoint, face: BodyFace, within distance: Double) -> Int? {
        tender.firstIndex { !$0.left && $0.slot == q && $0.contains(center, face: face, within: distance) }
    }

    /// Pain again at tender spot `index`.
    mutating func hurtAgain(_ index: Int, at now: Int) {
        tender[index].count += 1
        tender[index].lastAt = now
    }

    mutating func learnTender(_ spot: LearnedSpot) { tender.append(spot) }

    /// The client confirmed a pain a detector reported moments ago: the spot no longer depends
    /// on the detector.
    mutating func confirmLatest(within milliseconds: Int, at now: Int) {
        if let last = tender.indices.last, now - tender[last].lastAt < milliseconds {
            tender[last].fromDetector = false
        }
    }

    /// The client said a detector's pain on `q` was fine: a spot learned from that pain alone
    /// in the last `milliseconds` is forgotten.
    mutating func forgetDetected(on q: Int, within milliseconds: Int, at now: Int) {
        tender.removeAll { $0.slot == q && $0.fromDetector && $0.count == 1 && now - $0.lastAt < milliseconds }
    }

    // MARK: - Ticklish

    /// The ticklish spot on part slot `q` within `distance` of `center`.
    func ticklishSpot(on q: Int, near center: SurfacePoint, face: BodyFace, within distance: Double) -> Int? {
        ticklish.firstIndex { $0.slot == q && $0.contains(center, face: face, within: distance) }
    }

    /// Laughter again at ticklish spot `index`.
    mutating func laughedAgain(_ index: Int, at now: Int) {
        ticklish[index].count += 1
        ticklish[index].lastAt = now
    }

    mutating func learnTicklish(_ spot: LearnedSpot) { ticklish.append(spot) }

    /// Ticklish spot `index` is worked with broad still pressure from now on.
    mutating func holdStillOn(_ index: Int) { ticklish[index].count = max(ticklish[index].count, 2) }

    // MARK: - Leaving alone

    /// Leaves a spot for the rest of the session: spot `existing` of its kind, or a new one made
    /// from `spot`. Returns the spot left, for the supervisor to forbid.
    mutating func leave(tender isTender: Bool, existing: Int?, new spot: LearnedSpot, at now: Int) -> LearnedSpot {
        var spots = isTender ? tender : ticklish
        let index: Int
        if let existing {
            index = existing
            spots[index].count += 1
        } else {
            spots.append(spot)
            index = spots.count - 1
        }
        spots[index].left = true
        spots[index].lastAt = now
        let left = spots[index]
        if isTender { tender = spots } else { ticklish = spots }
        return left
    }
}
