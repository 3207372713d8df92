import Foundation
import Testing
import UnknotCore

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
                if let p = world.site("pad_centre") { tissue.apply(to: world, pad: p) }
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

    @Test("strokes along the back at 1, 5 and 10 cm/s: RMS force error ≤ 10 % of 20 N, contact within 1 cm")
    func strokes() throws {
        let h = 172.0
        for (speed, length) in [(0.01, 8.0), (0.05, 30.0), (0.10, 30.0)] {
            let station = try Station()
            let from = SurfacePoint(x: 5, y: 0.24 * h)
            station.pressOn(from, newtons: 20)
            // Along the back beside the spine, at `speed` m/s, easing in and out over a second.
            let ramp = 0.5
            let duration = length / 100 / speed + ramp
            func along(_ t: Double) -> (p: SurfacePoint, v: Double) {
                let s: Double
                let v: Double
                if t < ramp {
                    s = speed * t * t / (2 * ramp)
                    v = speed * t / ramp
                } else if t < duration - ramp {
                    s = speed * (t - ramp / 2)
                    v = speed
                } else {
                    let left = max(0, duration - t)
                    s = length / 100 - speed * left * left / (2 * ramp)
                    v = speed * left / ramp
                }
                return (SurfacePoint(x: from.x, y: from.y + s * 100), v)
            }
            var squared = 0.0
            var samples = 0
            var worst = 0.0
            var low = Double.infinity
            station.run(duration) { t in
                let (p, v) = along(t)
                let target = station.over(p)
                // The surface's rise ahead, followed rather than pushed against.
                let ahead = station.over(along(t + 0.01).p)
                let vz =
                    (ahead.surface.z + station.pad * ahead.normal.z - target.surface.z - station.pad * target.normal.z)
                    / 0.01
                return .press(x: target.x, y: target.y, force: 20, vx: v, vz: vz, normal: target.normal)
            } check: { t in
                let f = station.force
                squared += (f - 20) * (f - 20)
                samples += 1
                low = min(low, f)
                let wanted = station.over(along(t).p)
                if let c = station.world.site("pad_centre") {
                    let contact = c - station.pad * wanted.normal
                    let dx = contact.x - wanted.surface.x
                    let dy = contact.y - wanted.surface.y
                    worst = max(worst, (dx * dx + dy * dy).squareRoot())
                }
            }
            let rms = (squared / Double(samples)).squareRoot()
            print(
                "twin stroke on the back at \(speed * 100) cm/s over \(length) cm: RMS normal-force error \(rms) N "
                    + "of 20 (\(rms / 20 * 100) %), lowest \(low) N, contact error at most \(worst * 1000) mm")
            #expect(rms <= 2, "at \(speed * 100) cm/s: RMS \(rms) N")
            #expect(worst <= 0.01, "at \(speed * 100) cm/s: contact \(worst * 1000) mm off")
        }
    }
}
