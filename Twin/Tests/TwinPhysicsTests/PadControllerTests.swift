import Testing

@testable import TwinPhysics

/// Force tracking on physics (issue #19), first on the table's top: the controller brings the pad
/// down, presses with the force asked and slides at massage speed, its normal force within 10 %
/// of the target and its path within 1 cm.
@Suite("The pad controller")
struct PadControllerTests {
    @Test("press 20 N on the table, then slide 10 cm (3 cm/s at most): RMS force error ≤ 10 %, path within 1 cm")
    func pressAndSlide() throws {
        let world = try PhysicsWorld(mjcf: StationScene.mjcf())
        world.positions = [0.3, -1.0, 2.0, -0.5, 0.2, 0.0]
        let controller = PadController(world: world)
        let surface = StationScene.table.top + ArmGeometry().padRadius
        func run(_ seconds: Double, _ target: (Double) -> PadController.Target, check: (Double) -> Void = { _ in }) {
            let steps = Int(seconds / world.timestep)
            for n in 0..<steps {
                let output = controller.output(target(Double(n) * world.timestep), world: world)
                world.controls = output.torques
                world.step()
                check(Double(n) * world.timestep)
            }
        }
        // Over the start point, 10 cm up, then down onto the table pressing 20 N.
        run(3) { _ in .hover(x: 0.3, y: 0.1, height: surface + 0.1) }
        let above = try #require(world.site("pad_centre"))
        #expect(
            abs(above.x - 0.3) < 0.01 && abs(above.y - 0.1) < 0.01 && abs(above.z - surface - 0.1) < 0.01, "\(above)")
        run(1.5) { _ in .press(x: 0.3, y: 0.1, force: 20) }
        let settled = world.contactNormalForce(geom: "pad")
        #expect(abs(settled - 20) < 2, "pressing \(settled) N")
        // Slide 10 cm along the table, starting and stopping smoothly, 3 cm/s at the most.
        let length = 0.1
        let duration = 5.0
        func along(_ t: Double) -> (x: Double, v: Double) {
            let u = min(max(t / duration, 0), 1)
            return (0.3 + length * (3 * u * u - 2 * u * u * u), length * 6 * u * (1 - u) / duration)
        }
        var squared = 0.0
        var samples = 0
        var worstPath = 0.0
        var sum = 0.0
        var low = Double.infinity
        var high = -Double.infinity
        run(duration) { t in
            .press(x: along(t).x, y: 0.1, force: 20, vx: along(t).v)
        } check: { t in
            let force = world.contactNormalForce(geom: "pad")
            squared += (force - 20) * (force - 20)
            sum += force
            low = min(low, force)
            high = max(high, force)
            samples += 1
            if let p = world.site("pad_centre") {
                let wanted = along(t).x
                worstPath = max(worstPath, ((p.x - wanted) * (p.x - wanted) + (p.y - 0.1) * (p.y - 0.1)).squareRoot())
            }
        }
        let rms = (squared / Double(samples)).squareRoot()
        print(
            "pad controller on the table: pressing \(settled) N settled; sliding: RMS normal-force error \(rms) N of 20,"
                + " force \(low)...\(high) N, path error at most \(worstPath * 1000) mm")
        #expect(
            rms <= 2, "RMS normal-force error \(rms) N of 20 N; mean \(sum / Double(samples)), range \(low)...\(high)")
        #expect(worstPath <= 0.01, "path error \(worstPath) m")
    }
}
