import Testing

@testable import TwinPhysics

/// MuJoCo links, compiles MJCF and steps (issue #19's first step): the ground truth every later
/// check of the twin stands on.
@Suite("MuJoCo from Swift")
struct PhysicsWorldTests {
    static let ball = """
        <mujoco>
          <option timestep="0.001"/>
          <worldbody>
            <geom type="plane" size="1 1 0.1"/>
            <body pos="0 0 1"><freejoint/><geom type="sphere" size="0.1" mass="1"/></body>
          </worldbody>
        </mujoco>
        """

    @Test("a ball dropped from 1 m falls as gravity says, then rests on the floor at its radius")
    func ballFallsAndRests() throws {
        let world = try PhysicsWorld(mjcf: Self.ball)
        #expect(world.timestep == 0.001)
        // 0.3 s of free fall: z = 1 - g t² / 2 (MuJoCo's semi-implicit Euler is within 2 mm here).
        for _ in 0..<300 { world.step() }
        let fallen = 1 - 9.81 * 0.3 * 0.3 / 2
        #expect(abs(world.positions[2] - fallen) < 0.002, "z \(world.positions[2]), expected \(fallen)")
        // Two seconds later it rests on the floor, its centre one radius up.
        for _ in 0..<2_000 { world.step() }
        #expect(abs(world.positions[2] - 0.1) < 0.002, "z \(world.positions[2])")
        #expect(world.contactCount >= 1)
        #expect(!PhysicsWorld.version.isEmpty)
    }

    @Test("a model MuJoCo refuses is an error in MuJoCo's words, not a crash")
    func refusedModel() {
        #expect(throws: PhysicsWorld.Failure.self) { try PhysicsWorld(mjcf: "<mujoco><worldbody><geom/>") }
        #expect(throws: PhysicsWorld.Failure.self) {
            try PhysicsWorld(mjcf: "<mujoco><worldbody><geom type=\"sphere\" size=\"-1\"/></worldbody></mujoco>")
        }
    }
}
