import UnknotCore

/// The stroke the engine is playing in the current time slot of the plan: the planned stroke,
/// another stroke standing in for it (a skipped area, more time elsewhere, a broad technique
/// for ticklish skin), a broad still hold on a ticklish spot, or nothing (lifted rest).
struct ActiveStroke: Sendable {
    enum Kind: Sendable { case none, planned, substitute, broadHold, idle }

    var kind = Kind.none
    /// Index of the planned stroke whose time slot this is (`nil` before the first).
    var slot: Int?
    /// Index of the stroke whose path and force profile are played (`nil` for none yet).
    var source: Int?
    var slotStart = 0
    var slotEnd = 0
    /// Plan time the contact began (`nil` until the arm arrives).
    var contactStart: Int?
    var partSlot = 0
    var part = BodyPartID(.upperBack, .midline)
    var face = BodyFace.posterior
    var technique = Technique.gliding
    var start = SurfacePoint(x: 0, y: 0)
    var level = 1
    var forceScale = 1.0
    var speedFactor = 1.0
    var onTenderSpot = false
    /// For broad holds: target force, newtons.
    var holdForce = 0.0
    var segment = 0
    var keyframe = 0
    var why: String?
}
