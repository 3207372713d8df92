/// Why a datagram is not a robot-link message. Small values only: decoding a bad datagram on the
/// 1 kHz path allocates nothing.
public enum RobotLinkError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Shorter than its kind needs (its size in bytes).
    case truncated(size: Int)
    /// Does not begin with the robot link's magic bytes.
    case notRobotLink
    /// Another protocol version.
    case unsupportedVersion(Int)
    /// A message kind this version does not know.
    case unknownKind(Int)
    /// Longer than its kind (its size in bytes).
    case oversized(size: Int)
    /// A number that is not finite.
    case notFinite(RobotLinkField)
    /// A value outside its range.
    case outOfRange(RobotLinkField)

    public var description: String {
        switch self {
        case .truncated(let size): "a datagram of \(size) bytes is too short for its kind"
        case .notRobotLink: "not a robot-link datagram (no UKRL magic)"
        case .unsupportedVersion(let version):
            "robot-link version \(version) is not spoken here (this is version \(RobotLinkWire.version))"
        case .unknownKind(let kind): "unknown robot-link message kind \(kind)"
        case .oversized(let size): "a datagram of \(size) bytes is longer than its kind"
        case .notFinite(let field): "\(field.rawValue) is not a finite number"
        case .outOfRange(let field): "\(field.rawValue) is out of range"
        }
    }
}

/// The fields a ``RobotLinkError`` can name.
public enum RobotLinkField: String, Sendable, Hashable {
    case flags, mode, position, normal, force, speed, wrench, stiffness, status, watchdog, limits, annotation
    case verdict
}
