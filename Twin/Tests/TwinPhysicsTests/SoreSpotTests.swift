import Testing
import UnknotCore

@testable import TwinPhysics

/// A sore spot on the twin's client (issue #19, CARE.md section 1): pressed too hard, the muscle
/// under it guards; pressed lightly, or elsewhere, it does not; it lets go over seconds.
@Suite("A sore spot guards")
struct SoreSpotTests {
    static let surface = BodySurface(model: BodyModel(BodyMeasurements(height: 172)))
    static let spot = SurfacePoint(x: 12, y: 32)

    static func tissue() -> ClientTissue {
        var tissue = ClientTissue(surface: surface)
        tissue.soreSpots = [ClientTissue.SoreSpot(center: spot, radius: 4, thresholdNewtons: 8)]
        return tissue
    }

    /// Presses `force` at `p` for `milliseconds`.
    static func press(_ tissue: inout ClientTissue, _ force: Double, at p: SurfacePoint, milliseconds: Int) {
        for _ in 0..<milliseconds { tissue.respond(to: force, at: p, seconds: 0.001) }
    }

    @Test("pressed above its threshold it stiffens toward 1.9 times within half a second, and lets go over seconds")
    func guardsAndLetsGo() {
        var tissue = Self.tissue()
        let resting = tissue.stiffness(at: Self.spot)
        Self.press(&tissue, 12, at: Self.spot, milliseconds: 500)
        let guarded = tissue.stiffness(at: Self.spot) / resting
        #expect(guarded > 1.85 && guarded <= 1.9, "× \(guarded) after 0.5 s")
        Self.press(&tissue, 4, at: Self.spot, milliseconds: 1_000)
        let easing = tissue.stiffness(at: Self.spot) / resting
        #expect(easing > 1.3 && easing < 1.6, "× \(easing) a second after the press eased")
        Self.press(&tissue, 4, at: Self.spot, milliseconds: 9_000)
        #expect(tissue.stiffness(at: Self.spot) / resting < 1.01)
    }

    @Test("pressed lightly, or hard a hand's width away, it does not guard")
    func lightOrElsewhere() {
        var tissue = Self.tissue()
        let resting = tissue.stiffness(at: Self.spot)
        Self.press(&tissue, 7, at: Self.spot, milliseconds: 2_000)
        Self.press(&tissue, 30, at: SurfacePoint(x: 12, y: 42), milliseconds: 2_000)
        #expect(tissue.stiffness(at: Self.spot) == resting)
    }

    @Test("in a part, a press held at level 3 guards whatever its ripple, and one at level 2 does not")
    func levelThreeGuards() throws {
        let part = BodyPartID(.shoulders, .right)
        let model = BodyModel(BodyMeasurements(height: 172))
        let spot = ClientTissue.SoreSpot(in: part, of: model)
        let levelThree = PressureScale.force(PressureLevel(clamping: 3), on: .shoulders)
        for held in [levelThree * 0.97, levelThree, levelThree * 1.03] {
            var tissue = ClientTissue(surface: Self.surface)
            tissue.soreSpots = [spot]
            Self.press(&tissue, held, at: spot.center, milliseconds: 500)
            #expect(tissue.soreSpots[0].guarding > 0.95, "held at \(held) N")
        }
        var tissue = ClientTissue(surface: Self.surface)
        tissue.soreSpots = [spot]
        Self.press(
            &tissue, PressureScale.force(PressureLevel(clamping: 2), on: .shoulders) * 1.03, at: spot.center,
            milliseconds: 2_000)
        #expect(tissue.soreSpots[0].guarding == 0)
    }
}
