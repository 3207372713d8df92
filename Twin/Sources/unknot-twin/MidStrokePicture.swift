import Foundation
import TwinPhysics
import UnknotRobotLink

/// `unknot-twin --picture FILE`: the arm on the body mid-stroke, rendered offscreen once: the state
/// of the first millisecond after `--picture-at` seconds in which the pad presses at half its target
/// or more is copied, and rendered when the twin stops.
///
/// Guarantees: the copy is taken on the arm's loop thread in microseconds and the rendering happens
/// after the session, so the session steps exactly as without it and the station never waits (a
/// render takes a second: in lockstep the station would call the arm unresponsive); a machine that
/// cannot render loses the picture, never the session.
final class MidStrokePicture: @unchecked Sendable {
    let world: PhysicsWorld
    let path: String
    let afterMilliseconds: Int
    private var taken: (snapshot: PhysicsWorld.Snapshot, step: Int, pad: SIMD3<Double>, force: Double)?

    init(world: PhysicsWorld, path: String, afterSeconds: Double) {
        self.world = world
        self.path = path
        self.afterMilliseconds = Int(afterSeconds * 1_000)
    }

    /// Looks at one step of the arm; copies the world when it is time and the pad presses.
    func consider(step: Int, command: RobotCommand, reading: ArmReading) {
        guard taken == nil, step >= afterMilliseconds, command.contact, reading.force >= 0.5 * command.force,
            let pad = world.site("pad_centre"), let snapshot = world.snapshot()
        else { return }
        taken = (snapshot, step, pad, reading.force)
    }

    /// Renders the copied moment to the file (on the calling thread); what happened, in words.
    func write() -> String {
        guard let taken else { return "no picture: the pad never pressed after --picture-at" }
        do {
            let camera = try OffscreenCamera(world: world)
            // From the client's left, a little toward the feet, looking down at the pad and up the arm.
            let pad = taken.pad
            let pose = OffscreenCamera.Pose(
                lookAt: SIMD3(pad.x, pad.y + 0.2, pad.z + 0.25), distance: 2.3, azimuth: 105, elevation: -22)
            let file = try camera.picture(of: taken.snapshot, from: pose).png()
            try Data(file).write(to: URL(fileURLWithPath: path))
            return String(format: "a picture at %.1f s, pressing %.1f N: ", Double(taken.step) / 1_000, taken.force)
                + path
        } catch {
            return "no picture: \(error)"
        }
    }
}
