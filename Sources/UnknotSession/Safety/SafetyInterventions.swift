import UnknotCore

/// How often the safety supervisor changed a setpoint, by reason. Counters only, so keeping
/// them allocates nothing.
public struct SafetyInterventions: Sendable, Hashable, Codable {
    /// Force cut to the ceiling, the client's level or the pain limit of what the contact covers.
    public var forceClamped = 0
    /// Force held back to the rise limit.
    public var riseLimited = 0
    /// Contact lifted because it reached an area that must not be touched.
    public var forbiddenContact = 0
    /// Contact lifted because point pressure reached an endangerment zone.
    public var pointPressureInZone = 0
    /// Setpoints lifted because the supervisor was faulted or e-stopped.
    public var heldLifted = 0
    /// Contact lifted because it jumped further than the stroke speed allows in one tick.
    public var jumpLifted = 0
    /// Contact lifted because it was on the face the client is not lying on.
    public var wrongFace = 0
    /// Contact lifted because its centre lay on no part of the body.
    public var offBody = 0
    /// Setpoints with a value that is not a number.
    public var invalidSetpoints = 0
    /// Setpoints lifted in the hold after a bump (a measured force far above what was allowed).
    public var bumpLifted = 0

    public init() {}

    enum CodingKeys: String, CodingKey {
        case forceClamped, riseLimited, forbiddenContact, pointPressureInZone, heldLifted, jumpLifted, wrongFace
        case offBody, invalidSetpoints, bumpLifted
    }

    /// Reads records written before the newer counters existed (they count as 0).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        forceClamped = try c.decodeIfPresent(Int.self, forKey: .forceClamped) ?? 0
        riseLimited = try c.decodeIfPresent(Int.self, forKey: .riseLimited) ?? 0
        forbiddenContact = try c.decodeIfPresent(Int.self, forKey: .forbiddenContact) ?? 0
        pointPressureInZone = try c.decodeIfPresent(Int.self, forKey: .pointPressureInZone) ?? 0
        heldLifted = try c.decodeIfPresent(Int.self, forKey: .heldLifted) ?? 0
        jumpLifted = try c.decodeIfPresent(Int.self, forKey: .jumpLifted) ?? 0
        wrongFace = try c.decodeIfPresent(Int.self, forKey: .wrongFace) ?? 0
        offBody = try c.decodeIfPresent(Int.self, forKey: .offBody) ?? 0
        invalidSetpoints = try c.decodeIfPresent(Int.self, forKey: .invalidSetpoints) ?? 0
        bumpLifted = try c.decodeIfPresent(Int.self, forKey: .bumpLifted) ?? 0
    }
}
