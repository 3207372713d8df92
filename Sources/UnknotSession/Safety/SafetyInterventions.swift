import UnknotCore

/// How often the safety supervisor changed a setpoint, by reason. Counters only, so keeping
/// them allocates nothing.
public struct SafetyInterventions: Sendable, Hashable, Codable {
    /// Force cut to the region ceiling, the client's level or the pain limit.
    public var forceClamped = 0
    /// Force held back to the rise limit.
    public var riseLimited = 0
    /// Contact lifted because it reached an area that must not be touched.
    public var forbiddenContact = 0
    /// Contact lifted because point pressure reached an endangerment zone.
    public var pointPressureInZone = 0
    /// Setpoints lifted because the supervisor was faulted or e-stopped.
    public var heldLifted = 0

    public init() {}
}
