import UnknotCore

/// Why the safety supervisor lifted off and stopped the session.
public enum SafetyFault: Sendable, Hashable, Codable {
    /// No sensor frame for this many milliseconds.
    case sensorDropout(milliseconds: Int)
    /// The measured force exceeded the ceiling of what was touched.
    case forceAboveCeiling(measured: Double, ceiling: Double)
    /// The robot reported a fault.
    case robotFault(code: Int)
    /// Someone pressed the emergency stop.
    case emergencyStop
    /// The software asked for something impossible: a software fault, for staff.
    case invalidSetpoint(SetpointDefect)
    /// A sensor frame that cannot be true.
    case implausibleReading(SensorDefect)

    /// What happened, for the record and for staff.
    public var description: String {
        switch self {
        case .sensorDropout(let ms): "no sensor data for \(ms) ms"
        case .forceAboveCeiling(let measured, let ceiling):
            "measured force \(Int(measured.rounded())) N above the \(Int(ceiling.rounded())) N ceiling"
        case .robotFault(let code): "the robot reported fault \(code)"
        case .emergencyStop: "the emergency stop was pressed"
        case .invalidSetpoint(let defect): "software fault: \(defect.description); restart the station"
        case .implausibleReading(let defect): "sensor fault: \(defect.description)"
        }
    }

    /// What the client reads, in plain words.
    public var clientWords: String {
        switch self {
        case .sensorDropout: "I lost touch with my sensors"
        case .forceAboveCeiling: "I felt more pressure than I should"
        case .robotFault: "the arm reported a problem"
        case .emergencyStop: "the stop button was pressed"
        case .invalidSetpoint: "my software made an error"
        case .implausibleReading: "a sensor gave a reading I can't trust"
        }
    }
}
