import Testing
import UnknotCore
import UnknotRobotLink
import UnknotSession

@testable import UnknotStation

/// Where the station sends the tool (issue #19, found on the physics twin): with contact on the
/// skin; without contact clear of every bit of skin a pad's width around, by 3 cm — a lifted
/// command at the skin's height touched it, and one beside the neck put the pad against its side.
@Suite struct StationFrameTests {
    static let model = BodyModel(BodyMeasurements(height: 172))
    static let frame = StationFrame(body: model)

    static func setpoint(_ p: SurfacePoint, contact: Bool) -> Setpoint {
        Setpoint(
            contact: contact, position: p, face: .posterior, part: nil, technique: nil, normalForce: contact ? 10 : 0,
            speed: 5)
    }

    @Test("lifted: 3 cm over the highest skin within 6 cm, beside the neck too; in contact: on the skin")
    func liftClearsTheSkin() {
        for p in [
            SurfacePoint(x: -13.4, y: 28.9), SurfacePoint(x: 5, y: 46), SurfacePoint(x: 0, y: 10),
            SurfacePoint(x: 22, y: 60),
        ] {
            let lifted = Self.frame.command(for: Self.setpoint(p, contact: false), sequence: 1, time: 0).position
            var highest = 0.0
            for dx in stride(from: -6.0, through: 6, by: 0.5) {
                for dy in stride(from: -6.0, through: 6, by: 0.5) where dx * dx + dy * dy <= 36 {
                    highest = max(
                        highest, Self.model.surfaceHeight(at: SurfacePoint(x: p.x + dx, y: p.y + dy), face: .posterior))
                }
            }
            #expect(
                lifted.z >= highest + 3 - 0.5, "at \(p): lifted to \(lifted.z) cm, skin up to \(highest) cm within 6 cm"
            )
            let touching = Self.frame.command(for: Self.setpoint(p, contact: true), sequence: 2, time: 0).position
            #expect(abs(touching.z - Self.model.surfaceHeight(at: p, face: .posterior)) < 1e-9)
        }
    }
}
