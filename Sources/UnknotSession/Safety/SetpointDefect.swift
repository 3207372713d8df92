import UnknotCore

/// What makes a setpoint unusable whatever else it says: a value that is not a number. A
/// setpoint like this comes only from a bug, so the supervisor treats it as a software fault.
public enum SetpointDefect: String, Sendable, Hashable, Codable {
    case nonFinitePosition
    case nonFiniteForce
    case nonFiniteSpeed

    /// The first defect of `setpoint`, or `nil` when every value is finite.
    static func of(_ setpoint: Setpoint) -> SetpointDefect? {
        if !setpoint.position.x.isFinite || !setpoint.position.y.isFinite { return .nonFinitePosition }
        if !setpoint.normalForce.isFinite { return .nonFiniteForce }
        if !setpoint.speed.isFinite { return .nonFiniteSpeed }
        return nil
    }

    var description: String {
        switch self {
        case .nonFinitePosition: "a setpoint with no valid position"
        case .nonFiniteForce: "a setpoint with no valid force"
        case .nonFiniteSpeed: "a setpoint with no valid speed"
        }
    }
}

/// What makes a sensor frame impossible: it is a fault of the sensor (or a bump), not data.
public enum SensorDefect: Sendable, Hashable, Codable {
    /// A force or stiffness that is not a number.
    case nonFinite
    /// A force below minus the noise floor, newtons.
    case negativeForce(Double)
    /// A force above the noise floor with the arm lifted and settled, newtons.
    case forceWithoutContact(Double)
    /// A negative tissue stiffness, N/cm.
    case negativeStiffness(Double)

    var description: String {
        switch self {
        case .nonFinite: "a sensor reading that is not a number"
        case .negativeForce(let f): "an impossible negative force of \(Int(f.rounded())) N"
        case .forceWithoutContact(let f): "\(Int(f.rounded())) N measured with the arm lifted"
        case .negativeStiffness: "an impossible tissue stiffness"
        }
    }
}
