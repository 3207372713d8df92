import UnknotCore
import UnknotSession

/// Where a setpoint on the body-surface chart is in the station's 3D frame, from the client's
/// scanned body: the chart's `x`, `y` with the body's surface height as `z`, and the surface
/// normal from the height's slope. Allocates nothing.
public struct StationFrame: Sendable {
    public let body: BodyModel
    /// The step, cm, over which the slope is measured.
    static let slopeStep = 0.5

    public init(body: BodyModel) { self.body = body }

    /// The command for `setpoint` (sequence and time as given).
    public func command(for setpoint: Setpoint, sequence: UInt64, time: Int64, resetFault: Bool = false)
        -> RobotCommand
    {
        let point = setpoint.position
        let face = setpoint.face
        let h = Self.slopeStep
        let z = body.surfaceHeight(at: point, face: face)
        let dx =
            (body.surfaceHeight(at: SurfacePoint(x: point.x + h, y: point.y), face: face)
                - body.surfaceHeight(at: SurfacePoint(x: point.x - h, y: point.y), face: face)) / (2 * h)
        let dy =
            (body.surfaceHeight(at: SurfacePoint(x: point.x, y: point.y + h), face: face)
                - body.surfaceHeight(at: SurfacePoint(x: point.x, y: point.y - h), face: face)) / (2 * h)
        let normal = Vector3(x: -dx, y: -dy, z: 1).normalized
        return RobotCommand(
            sequence: sequence, time: time, contact: setpoint.contact, position: Vector3(x: point.x, y: point.y, z: z),
            normal: normal, force: setpoint.contact ? setpoint.normalForce : 0, speed: setpoint.speed,
            annotation: ContactAnnotation(face: face, part: setpoint.part, technique: setpoint.technique),
            resetFault: resetFault)
    }

    /// The setpoint a command stands for, as a simulated body reads it (the chart point under the
    /// tool and the annotation's names).
    public static func setpoint(for command: RobotCommand) -> Setpoint {
        Setpoint(
            contact: command.contact, position: SurfacePoint(x: command.position.x, y: command.position.y),
            face: command.annotation.face ?? .posterior, part: command.annotation.part,
            technique: command.annotation.technique, normalForce: command.force, speed: command.speed)
    }
}
