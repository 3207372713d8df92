import UnknotCore

/// What the robot is told to do for one control tick: where the contact is on the body
/// surface, how hard it presses along the surface normal, and how fast it travels.
///
/// A plain value (no references), so producing one allocates nothing.
public struct Setpoint: Sendable, Hashable {
    /// Whether the end effector is in contact with the skin.
    public var contact: Bool
    /// The contact's centre on the body-surface chart.
    public var position: SurfacePoint
    public var face: BodyFace
    /// The part being worked, or `nil` while lifted between parts.
    public var part: BodyPartID?
    /// The technique in contact, or `nil` while lifted.
    public var technique: Technique?
    /// Target normal force, newtons (0 when lifted).
    public var normalForce: Double
    /// Speed over the skin (in contact) or through the air (lifted), cm/s.
    public var speed: Double

    public init(
        contact: Bool, position: SurfacePoint, face: BodyFace, part: BodyPartID?, technique: Technique?,
        normalForce: Double, speed: Double
    ) {
        self.contact = contact
        self.position = position
        self.face = face
        self.part = part
        self.technique = technique
        self.normalForce = normalForce
        self.speed = speed
    }

    /// No contact, no force, at `position`.
    public static func lifted(at position: SurfacePoint, face: BodyFace, speed: Double = 0) -> Setpoint {
        Setpoint(
            contact: false, position: position, face: face, part: nil, technique: nil, normalForce: 0, speed: speed)
    }

    /// The same setpoint with contact lifted and no force.
    public var liftedOff: Setpoint {
        var copy = self
        copy.contact = false
        copy.normalForce = 0
        copy.technique = nil
        return copy
    }
}
