import UnknotCore

/// The station's state every 100 ms, for the record and the live console. A plain value.
public struct TelemetrySample: Sendable, Hashable, Codable {
    /// Milliseconds into the plan (paused time excluded).
    public var planTime: Int
    public var state: SessionState
    public var contact: Bool
    public var x: Double
    public var y: Double
    public var face: BodyFace
    public var part: BodyPartID?
    public var technique: Technique?
    /// The level in effect on the part (0 when lifted).
    public var level: Int
    /// Force commanded after the safety supervisor, newtons.
    public var targetForce: Double
    /// Force the sensors measured, newtons.
    public var measuredForce: Double
    /// Heart rate over the last minute, bpm (0 before the first beats).
    public var heartRate: Double

    public init(
        planTime: Int, state: SessionState, contact: Bool, x: Double, y: Double, face: BodyFace, part: BodyPartID?,
        technique: Technique?, level: Int, targetForce: Double, measuredForce: Double, heartRate: Double
    ) {
        self.planTime = planTime
        self.state = state
        self.contact = contact
        self.x = x
        self.y = y
        self.face = face
        self.part = part
        self.technique = technique
        self.level = level
        self.targetForce = targetForce
        self.measuredForce = measuredForce
        self.heartRate = heartRate
    }
}
