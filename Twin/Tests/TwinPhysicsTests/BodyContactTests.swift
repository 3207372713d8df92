import Foundation
import Testing
import UnknotCore
import UnknotRobotLink

@testable import TwinPhysics

/// The pad on a client's back built from their body model (issue #19): it presses with the force
/// asked, the tissue gives as its region's stiffness says, guarding is felt as firmer tissue, and
/// strokes along the back at 1 to 10 cm/s keep the force within 10 % and the contact within 1 cm.
@Suite("The pad on the body")
struct BodyContactTests {
    /// A world with a 172 cm client on the table and the arm over them, and its tissue.
    final class Station {
        let surface: BodySurface
        var tissue: ClientTissue
        let world: PhysicsWorld
        let controller: PadController
        let pad = ArmGeometry().padRadius

        init() throws {
            surface = BodySurface(model: BodyModel(BodyMeasurements(height: 172)))
            tissue = ClientTissue(surface: surface)
            world = try PhysicsWorld(mjcf: StationScene.mjcf(client: surface))
            world.positions = [0.3, -1.0, 2.0, -0.5, 0.2, 0.0]
            controller = PadController(world: world)
        }

        /// The pad centre's target over a chart point: the surface point pushed out by the radius.
        func over(_ p: SurfacePoint) -> (x: Double, y: Double, normal: SIMD3<Double>, surface: SIMD3<Double>) {
            let s = surface.world(p)
            let n = surface.normal(p)
            let c = s + pad * n
            return (c.x, c.y, n, s)
        }

        func run(_ seconds: Double, _ target: (Double) -> PadController.Target, check: (Double) -> Void = { _ in }) {
            let steps = Int(seconds / world.timestep)
            for n in 0..<steps {
                if let p = world.site("pad_centre") { tissue.apply(to: world, at: p - SIMD3(0, 0, pad)) }
                world.controls = controller.output(target(Double(n) * world.timestep), world: world).torques
                world.step()
                check(Double(n) * world.timestep)
            }
        }

        var force: Double { world.contactNormalForce(geom: "pad") }
        var indentation: Double { -world.position(joint: BodySurface.tissueJoint) }

        /// Over `p`, 10 cm up, then down onto it pressing `newtons`.
        func pressOn(_ p: SurfacePoint, newtons: Double) {
            let t = over(p)
            run(3) { _ in .hover(x: t.x, y: t.y, height: t.surface.z + self.pad + 0.1) }
            run(2) { _ in .press(x: t.x, y: t.y, force: newtons, normal: t.normal) }
        }
    }

    @Test("pressing 20 N on the upper back: the force settles, the tissue gives F/k; guarding stiffens it")
    func pressAndGuard() throws {
        let station = try Station()
        let h = 172.0
        let spot = SurfacePoint(x: 5, y: 0.27 * h)
        #expect(station.surface.part(at: spot)?.region == .upperBack)
        station.pressOn(spot, newtons: 20)
        let k = station.tissue.stiffness(at: spot)
        let soft = (force: station.force, indentation: station.indentation)
        #expect(abs(soft.force - 20) < 2, "pressing \(soft.force) N")
        #expect(abs(soft.indentation - soft.force / k) < 0.1 * soft.force / k, "\(soft.indentation) m at k \(k) N/m")
        // Guarding: the same press meets firmer tissue, the pad sinks less.
        station.tissue.guarding = 1
        let t = station.over(spot)
        station.run(2) { _ in .press(x: t.x, y: t.y, force: 20, normal: t.normal) }
        let guarded = (force: station.force, indentation: station.indentation)
        let ratio = (guarded.force / guarded.indentation) / (soft.force / soft.indentation)
        print(
            "twin on the body: upper back k \(k) N/m; pressing \(soft.force) N sinks \(soft.indentation * 1000) mm, guarding "
                + "\(guarded.indentation * 1000) mm: apparent stiffness × \(ratio)")
        #expect(abs(ratio - 1.9) < 0.19, "apparent stiffness × \(ratio) under full guarding (1.9 expected)")
    }

    @Test("strokes along the back at 1, 5 and 10 cm/s through the arm: RMS force error ≤ 10 % of 20 N, within 1 cm")
    func strokes() throws {
        let h = 172.0
        let model = BodyModel(BodyMeasurements(height: h))
        for (speed, length) in [(1.0, 8.0), (5.0, 30.0), (10.0, 30.0)] {
            var arm = try TwinArm(measurements: BodyMeasurements(height: h))
            let from = SurfacePoint(x: 5, y: 0.24 * h)
            var sequence: UInt64 = 0
            var tracking = ContactTracking()
            func step(_ p: SurfacePoint, contact: Bool) {
                sequence += 1
                let at = model.position(at: p, face: .posterior)
                let command = RobotCommand(
                    sequence: sequence, time: Int64(sequence) * 1_000, contact: contact,
                    position: Vector3(x: at.x, y: at.y, z: at.z + (contact ? 0 : 10)),
                    normal: model.normal(at: p, face: .posterior), force: contact ? 20 : 0, speed: speed)
                tracking.record(command, arm.step(following: command))
            }
            for _ in 0..<3_000 { step(from, contact: false) }
            for _ in 0..<2_000 { step(from, contact: true) }
            // Along the back beside the spine at `speed` cm/s, easing in and out over half a second.
            let ramp = 0.5
            let duration = length / speed + ramp
            for i in 0..<Int(duration * 1_000) {
                let t = Double(i) / 1_000
                let travelled: Double
                if t < ramp {
                    travelled = speed * t * t / (2 * ramp)
                } else if t < duration - ramp {
                    travelled = speed * (t - ramp / 2)
                } else {
                    let left = max(0, duration - t)
                    travelled = length - speed * left * left / (2 * ramp)
                }
                step(SurfacePoint(x: from.x, y: from.y + travelled), contact: true)
            }
            let force = tracking.forceError
            print("twin stroke on the back at \(speed) cm/s over \(length) cm: \(tracking.summary)")
            #expect(force.fraction <= 0.1, "at \(speed) cm/s: RMS \(force.newtons) N")
            #expect(tracking.worstPosition <= 1, "at \(speed) cm/s: contact \(tracking.worstPosition * 10) mm off")
        }
    }
}
