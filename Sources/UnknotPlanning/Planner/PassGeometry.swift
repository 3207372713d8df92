import UnknotCore

/// What the planner works out once per plan about where each technique may go on each part:
/// lane samples and where they lie (near a zone, a tender spot, or out of bounds), the light
/// glides near zones, the ticklish holds and the still-hold points. Only the pressure level
/// changes from phase to phase, so every phase reuses these.
final class PassGeometry {
    struct Key: Hashable {
        var part: BodyPartID
        var technique: Technique
    }

    /// Where one lane sample lies for one technique.
    struct Place {
        var point: SurfacePoint
        /// The technique must leave this sample (ticklish skin, the spine, an untouchable part,
        /// or a zone that only broad, flat contact may enter).
        var excluded: Bool
        var tender: Bool
        var zone: Bool
    }

    var lanes: [Key: [[Place]]] = [:]
    var zoneRuns: [Key: [[SurfacePoint]]] = [:]
    var ticklishHolds: [Key: [StrokeDraft]] = [:]
    var holds: [Key: [Place]] = [:]
}
