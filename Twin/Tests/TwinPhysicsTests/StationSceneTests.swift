import Testing

@testable import TwinPhysics

/// The station scene (issue #19): the arm hangs over the table with the geometry it states, and
/// its motors hold it against gravity within their torque limits.
@Suite("The station scene")
struct StationSceneTests {
    @Test("at zero the pad is where the link lengths put it: straight down from the mount")
    func forwardKinematics() throws {
        let arm = ArmGeometry()
        let world = try PhysicsWorld(mjcf: StationScene.mjcf(arm: arm))
        #expect(world.positions.count == 6 && world.controls.count == 6)
        world.forward()
        let pad = try #require(world.site("pad_centre"))
        // Hanging: the chain runs down (-z) from the mount; the sideways offsets add along y,
        // mirrored by the mount's half turn about x.
        let down = arm.shoulderHeight + arm.upperArm + arm.forearm + arm.wrist[1]
        let side = 0.176 - 0.137 + arm.wrist[0] + arm.wrist[2] + arm.padRadius
        #expect(abs(pad.z - (arm.mount.z - down)) < 1e-9, "pad \(pad)")
        #expect(abs(abs(pad.y - arm.mount.y) - side) < 1e-9, "pad \(pad)")
        #expect(abs(pad.x - arm.mount.x) < 1e-9)
    }

    @Test("gravity compensation within the torque limits holds a pose still for a second")
    func holdsAgainstGravity() throws {
        let arm = ArmGeometry()
        let world = try PhysicsWorld(mjcf: StationScene.mjcf(arm: arm))
        // A folded pose clear of the table (the pad touches nothing), shoulder and elbow bent so
        // gravity loads every link.
        var pose = [0.3, -1.4, 2.4, -0.5, 0.2, 0.0]
        world.positions = pose
        world.forward()
        let pad = try #require(world.site("pad_centre"))
        #expect(pad.z > StationScene.table.top + 0.2 && world.contactCount == 0, "pad \(pad)")
        for _ in 0..<1_000 {
            world.forward()
            let bias = world.biasForces
            guard zip(bias, arm.torqueLimits).allSatisfy({ abs($0) <= $1 }) else {
                Issue.record("gravity needs more than the motors give: \(bias)")
                return
            }
            world.controls = bias
            world.step()
        }
        pose = zip(world.positions, pose).map { abs($0 - $1) }
        #expect(pose.allSatisfy { $0 < 0.01 }, "drift \(pose) rad after 1 s")
        // Without the motors it falls.
        world.controls = Array(repeating: 0, count: 6)
        for _ in 0..<300 { world.step() }
        #expect(world.velocities.map(abs).max() ?? 0 > 0.1)
    }
}
