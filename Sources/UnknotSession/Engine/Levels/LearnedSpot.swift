import UnknotCore

/// A spot the session learned: where pain or laughter happened, how often, and what the
/// session does there now.
struct LearnedSpot: Sendable {
    var part: BodyPartID
    var slot: Int
    var face: BodyFace
    var center: SurfacePoint
    var radius: Double
    /// How many times it hurt (tender) or made the client laugh (ticklish).
    var count: Int
    /// Never touched again this session.
    var left = false
    /// Learned only from a detector (the client may still say it's fine).
    var fromDetector: Bool
    /// The level in effect when it happened.
    var level: Int
    var lastAt: Int

    func contains(_ point: SurfacePoint, face: BodyFace, within distance: Double) -> Bool {
        face == self.face && point.distance(to: center) <= distance
    }
}
