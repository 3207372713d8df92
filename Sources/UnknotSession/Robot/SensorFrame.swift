import UnknotCore

/// What the station's sensors report for one control tick.
public struct SensorFrame: Sendable, Hashable, Codable {
    /// Normal force measured at the end effector, newtons.
    public var measuredForce: Double
    /// Apparent tissue stiffness under the contact, N/cm (0 when not in contact).
    public var tissueStiffness: Double
    public var status: RobotStatus

    public init(measuredForce: Double, tissueStiffness: Double, status: RobotStatus = .ready) {
        self.measuredForce = measuredForce
        self.tissueStiffness = tissueStiffness
        self.status = status
    }
}

/// The robot's own view of its health.
public enum RobotStatus: Sendable, Hashable, Codable {
    case ready
    /// A fault the robot reports (joint limit, over-temperature, lost calibration …), with its code.
    case fault(code: Int)

    public var isFault: Bool {
        if case .fault = self { return true }
        return false
    }
}
