import UnknotCore
import UnknotRobotLink
import UnknotSession
import UnknotStation

/// An arm for the link's tests: the force follows the command with a 10 ms time constant, the
/// tool is where it was told, and a fault can be set.
struct FirstOrderArm: RobotArm {
    let identity = RobotIdentity(
        model: "test arm", serial: "T-1", simulated: true, maximumForce: 60, maximumSpeed: 25,
        watchdogMilliseconds: 20)
    var force = 0.0
    var fault: UInt32?

    mutating func step(following command: RobotCommand) -> ArmReading {
        force += ((command.contact ? command.force : 0) - force) / 10
        return ArmReading(
            force: force, position: command.position, normal: command.normal, stiffness: command.contact ? 8 : 0,
            faultCode: fault)
    }

    mutating func resetFault() { fault = nil }
}

extension Setpoint {
    /// A contact on the upper back at `force` newtons.
    static func pressing(_ force: Double) -> Setpoint {
        Setpoint(
            contact: true, position: SurfacePoint(x: 4, y: 40), face: .posterior, part: BodyPartID(.upperBack, .left),
            technique: .kneading, normalForce: force, speed: 5)
    }

    static let liftedOverBack = Setpoint.lifted(at: SurfacePoint(x: 4, y: 40), face: .posterior)
}
