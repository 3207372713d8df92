import Foundation
import UnknotCore
import UnknotRobotLink
import UnknotSession

/// Where a setpoint on the body-surface chart is in the station's 3D frame, from the client's
/// scanned body: the chart's `x`, `y` with the body's surface height as `z` (``liftClearance``
/// above it without contact), and the surface normal from the height's slope. Allocates nothing.
public struct StationFrame: Sendable {
    public let body: BodyModel
    /// The step, cm, over which the slope is measured.
    static let slopeStep = 0.5
    /// How far above the skin, cm, a command without contact holds the tool: lifted means clear of
    /// the client (a physical arm told to be at the skin's height without contact touches it; the
    /// physics twin found it, issue #19).
    public static let liftClearance = 3.0
    /// The radius, cm, around the point whose highest skin a lifted tool clears: a pad is not a
    /// point, and next to a shoulder or the side of the neck the skin within its width is far
    /// higher than under its centre (the twin's pad lodged against the side of a neck).
    public static let liftFootprint = 6.0

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
            sequence: sequence, time: time, contact: setpoint.contact,
            position: Vector3(
                x: point.x, y: point.y,
                z: setpoint.contact ? z : highest(around: point, face: face) + Self.liftClearance),
            normal: normal, force: setpoint.contact ? setpoint.normalForce : 0, speed: setpoint.speed,
            annotation: ContactAnnotation(face: face, part: setpoint.part, technique: setpoint.technique),
            resetFault: resetFault)
    }

    /// The highest skin within ``liftFootprint`` of `point`: its centre and 16 points on two rings.
    func highest(around point: SurfacePoint, face: BodyFace) -> Double {
        var top = body.surfaceHeight(at: point, face: face)
        for ring in 1...2 {
            let r = Self.liftFootprint * Double(ring) / 2
            for k in 0..<8 {
                let a = Double(k) * .pi / 4
                let p = SurfacePoint(x: point.x + r * cos(a), y: point.y + r * sin(a))
                top = max(top, body.surfaceHeight(at: p, face: face))
            }
        }
        return top
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
