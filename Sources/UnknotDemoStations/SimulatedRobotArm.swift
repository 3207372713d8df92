import UnknotCore
import UnknotRobotLink
import UnknotSession
import UnknotSimulation
import UnknotStation

/// Today's simulated robot and body behind the robot link's ``RobotArm``: what `unknot
/// robot-sim` serves, and what tests of the robot link drive. Composed here, at the edge, so
/// neither the station runtime nor the simulation depends on the other.
public struct SimulatedRobotArm: RobotArm {
    public let identity: RobotIdentity
    private(set) var robot: SimulatedRobot
    private(set) var body: SimulatedBody
    private var now = 0
    private var last = ArmReading(
        force: 0, position: Vector3(x: 0, y: 0, z: 30), normal: Vector3(x: 0, y: 0, z: 1), stiffness: 0)

    public init(body: SimulatedBody, seed: UInt64, watchdogMilliseconds: Int) {
        identity = RobotIdentity(
            model: "unknot robot-sim", serial: "sim-\(seed)", simulated: true, maximumForce: 80, maximumSpeed: 30,
            watchdogMilliseconds: watchdogMilliseconds)
        robot = SimulatedRobot(seed: seed)
        self.body = body
    }

    public mutating func step(following command: RobotCommand) -> ArmReading {
        now += 1
        robot.apply(StationFrame.setpoint(for: command))
        guard let frame = robot.step(at: now, body: &body, calm: body.pain == 0) else { return last }
        let depth = command.contact ? body.indentation : 0
        var fault: UInt32?
        if case .fault(let code) = frame.status { fault = UInt32(clamping: code) }
        last = ArmReading(
            force: frame.measuredForce,
            wrenchForce: Vector3(
                x: -command.normal.x * frame.measuredForce, y: -command.normal.y * frame.measuredForce,
                z: -command.normal.z * frame.measuredForce),
            position: Vector3(
                x: command.position.x - command.normal.x * depth, y: command.position.y - command.normal.y * depth,
                z: command.position.z - command.normal.z * depth),
            normal: command.normal, stiffness: frame.tissueStiffness, faultCode: fault)
        return last
    }

    public mutating func resetFault() { robot.reset() }
}
