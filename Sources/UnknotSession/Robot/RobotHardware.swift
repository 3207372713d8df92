import UnknotCore

/// A robot arm as the station's controller sees it, shaped like a ros2_control hardware
/// interface: a lifecycle the station walks through (``configure()``, ``activate()``,
/// ``deactivate()``, ``reset()`` after a fault), ``read(at:)`` of what the arm measured and
/// ``write(_:at:)`` of the next setpoint.
///
/// Guarantees an implementation must keep:
/// - Every lifecycle step either succeeds or throws a ``HardwareError`` saying why; nothing is
///   swallowed, and a failed step leaves ``lifecycle`` where it was or at ``HardwareLifecycle/failed``.
/// - ``read(at:)`` and ``write(_:at:)`` never block longer than the interface's stated budget (a
///   network interface sends without waiting; a lockstep one waits at most one reply), and
///   allocate nothing.
/// - ``write(_:at:)`` outside ``HardwareLifecycle/active`` throws ``HardwareError/notActive``.
///
/// Every setpoint written has passed the ``SafetySupervisor``; the station keeps the supervisor's
/// 50 ms rule on what it reads, whatever the arm promises.
public protocol RobotHardware {
    /// Where the interface is in its lifecycle.
    var lifecycle: HardwareLifecycle { get }
    /// What the arm said it is, once configured.
    var identity: RobotIdentity? { get }

    /// Reaches the arm and learns what it is (model, limits). unconfigured → inactive.
    mutating func configure() throws(HardwareError)
    /// Starts taking setpoints. inactive → active.
    mutating func activate() throws(HardwareError)
    /// Lifts and stops taking setpoints. active → inactive.
    mutating func deactivate() throws(HardwareError)
    /// Clears a fault the arm reported, once its cause is gone. failed → inactive.
    mutating func reset() throws(HardwareError)
    /// The newest measurement since the last read, or `nil` when none arrived.
    mutating func read(at now: Int) -> SensorFrame?
    /// Sends the setpoint for this tick.
    mutating func write(_ setpoint: Setpoint, at now: Int) throws(HardwareError)
}

/// The lifecycle states of a ``RobotHardware`` (ros2_control's, with `failed` for its
/// error-processing state).
public enum HardwareLifecycle: String, Sendable, Hashable, Codable {
    case unconfigured, inactive, active, failed
}

/// Why a hardware interface step failed. Small values only, so the hot path's errors allocate
/// nothing; handshake failures carry the arm's words.
public enum HardwareError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A step was asked for in the wrong lifecycle state.
    case wrongState(HardwareLifecycle, expected: HardwareLifecycle)
    /// A setpoint written while the interface is not active.
    case notActive
    /// The arm did not answer the handshake within the time allowed, ms.
    case unreachable(afterMilliseconds: Int)
    /// The arm refused the handshake, with its reason.
    case refused(String)
    /// The arm speaks another protocol version.
    case incompatible(ours: Int, theirs: Int)
    /// The operating system refused to send (its errno).
    case sendFailed(errno: Int32)
    /// In lockstep, the arm did not answer a command within the time allowed, ms.
    case noReply(afterMilliseconds: Int)
    /// The arm reports a fault, with its code.
    case faulted(code: Int)

    public var description: String {
        switch self {
        case .wrongState(let state, let expected): "the robot interface is \(state.rawValue), not \(expected.rawValue)"
        case .notActive: "the robot interface is not active"
        case .unreachable(let ms): "the robot did not answer within \(ms) ms"
        case .refused(let reason): "the robot refused the connection: \(reason)"
        case .incompatible(let ours, let theirs):
            "the robot speaks robot-link version \(theirs); this station speaks \(ours)"
        case .sendFailed(let code): "the station could not send to the robot (errno \(code))"
        case .noReply(let ms): "the robot did not answer a command within \(ms) ms"
        case .faulted(let code): "the robot reports fault \(code)"
        }
    }
}
