import Foundation
import Testing
import UnknotCore
import UnknotTesting

@testable import UnknotSession

/// The contact atlas measures each patch again only when its answer could have changed; what it
/// answers must be what measuring every patch afresh answers, wherever the contact goes.
@Suite("Contact atlas")
struct ContactAtlasTests {
    static let atlas = ContactAtlas(body: Fixtures.body)

    @Test("Walking over the body (and off it), the remembered answer is the fresh answer at every step")
    func rememberedIsFresh() {
        let atlas = Self.atlas
        var rng = SeededGenerator(seed: 13)
        var memo = atlas.memo()
        var steps = 0
        var covering = 0
        for _ in 0..<40 {
            let face: BodyFace = Bool.random(using: &rng) ? .posterior : .anterior
            let radius: Double = [0.75, 1.5, 3.0, 4.0].randomElement(using: &rng) ?? 1.5
            var point = SurfacePoint(
                x: Double.random(in: -30...30, using: &rng), y: Double.random(in: 0...170, using: &rng))
            var heading = Double.random(in: 0..<(2 * .pi), using: &rng)
            for _ in 0..<2_000 {
                // Mostly contact-speed steps (0.1 mm), sometimes a turn, now and then a jump.
                heading += Double.random(in: -0.05...0.05, using: &rng)
                let step = Int.random(in: 0..<500, using: &rng) == 0 ? 3.0 : Double.random(in: 0...0.011, using: &rng)
                point = SurfacePoint(x: point.x + step * cos(heading), y: point.y + step * sin(heading))
                let remembered = atlas.locate(point, radius: radius, on: face, memo: &memo)
                var fresh = atlas.memo()
                let measured = atlas.locate(point, radius: radius, on: face, memo: &fresh)
                #expect(remembered.covered == measured.covered, "covered differs at \(point) r=\(radius) on \(face)")
                #expect(remembered.containing == measured.containing, "containing differs at \(point)")
                #expect(remembered.margin <= measured.margin + 1e-9, "a remembered margin is never larger")
                steps += 1
                if !measured.covered.isEmpty { covering += 1 }
            }
        }
        #expect(steps == 80_000)
        #expect(covering > steps / 4, "most steps should be on the body: \(covering) of \(steps)")
    }
}
