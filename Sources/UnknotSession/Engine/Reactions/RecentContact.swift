import UnknotCore

/// The last contact the arm made: on which part, where, at which level, and when. Reactions
/// that arrive a moment late (a groan after the arm moved on) are placed with it.
struct RecentContact: Sendable {
    var slot: Int
    /// When, ms.
    var at: Int
    var position: SurfacePoint
    var face: BodyFace
    var level: Int
}

extension Optional where Wrapped == Int {
    /// Milliseconds from this moment until `now`; `Int.max` when it never happened.
    func elapsed(until now: Int) -> Int {
        guard let self else { return .max }
        return now - self
    }
}
