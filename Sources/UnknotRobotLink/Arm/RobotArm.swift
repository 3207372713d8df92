import UnknotCore

/// The arm behind the robot link's far end: what `unknot robot-sim` (a simulated arm and body)
/// or an integrator's bridge to real hardware drives, one millisecond at a time.
public protocol RobotArm {
    var identity: RobotIdentity { get }
    /// Advances one millisecond following `command` (already lifted by the link when it holds)
    /// and returns what the arm measured.
    mutating func step(following command: RobotCommand) -> ArmReading
    /// Clears the arm's fault if its cause is gone.
    mutating func resetFault()
    /// Whether the tool can press at `position` (cm, station frame) along `normal`, from the arm's
    /// own kinematics, asked before a session (nothing moves). An arm with no kinematic model to
    /// ask says ``ReachVerdict/unchecked`` (the default), never "reachable" on faith.
    mutating func reach(_ position: Vector3, normal: Vector3) -> ReachVerdict
}

extension RobotArm {
    public mutating func reach(_ position: Vector3, normal: Vector3) -> ReachVerdict { .unchecked }
}

/// What an arm measured in one millisecond.
public struct ArmReading: Sendable, Hashable {
    /// Measured normal force, N.
    public var force: Double
    public var wrenchForce: Vector3
    public var wrenchTorque: Vector3
    /// The tool's position, cm, station frame, and the normal it presses along.
    public var position: Vector3
    public var normal: Vector3
    /// Apparent stiffness under the tool, N/cm.
    public var stiffness: Double
    /// The arm's own fault, if it has one.
    public var faultCode: UInt32?

    public init(
        force: Double, wrenchForce: Vector3 = Vector3(x: 0, y: 0, z: 0),
        wrenchTorque: Vector3 = Vector3(x: 0, y: 0, z: 0), position: Vector3, normal: Vector3, stiffness: Double,
        faultCode: UInt32? = nil
    ) {
        self.force = force
        self.wrenchForce = wrenchForce
        self.wrenchTorque = wrenchTorque
        self.position = position
        self.normal = normal
        self.stiffness = stiffness
        self.faultCode = faultCode
    }
}
