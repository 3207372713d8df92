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

    @Test("The supervisor's remembered forbidden-area and zone answers are its fresh answers, spots left included")
    func rememberedClearanceIsFresh() {
        var rng = SeededGenerator(seed: 31)
        var s = SafetyScenarioTests.supervisor(at: SurfacePoint(x: 5, y: 60))
        var steps = 0
        var reached = 0
        for walk in 0..<40 {
            let face: BodyFace = walk % 3 == 0 ? .anterior : .posterior
            let radius: Double = [0.75, 1.5, 3.0, 4.0].randomElement(using: &rng) ?? 1.5
            var point = SurfacePoint(
                x: Double.random(in: -25...25, using: &rng), y: Double.random(in: 10...160, using: &rng))
            var heading = Double.random(in: 0..<(2 * .pi), using: &rng)
            for i in 0..<2_000 {
                if i == 1_000, walk % 4 == 0 {
                    // A spot left for the session appears just ahead of the contact.
                    let ahead = SurfacePoint(x: point.x + 3 * cos(heading), y: point.y + 3 * sin(heading))
                    s.forbid(spotAt: ahead, radius: 2, on: face)
                }
                heading += Double.random(in: -0.05...0.05, using: &rng)
                let step = Int.random(in: 0..<500, using: &rng) == 0 ? 3.0 : Double.random(in: 0...0.011, using: &rng)
                point = SurfacePoint(x: point.x + step * cos(heading), y: point.y + step * sin(heading))
                let forbidden = s.contactReachesForbiddenArea(point, radius: radius, on: face)
                #expect(forbidden == s.reachesForbiddenArea(point, radius: radius, on: face), "at \(point) r=\(radius)")
                let zone = s.contactReachesZone(point, radius: radius, on: face)
                #expect(zone == s.reachesEndangermentZone(point, radius: radius, on: face), "at \(point) r=\(radius)")
                steps += 1
                if forbidden || zone { reached += 1 }
            }
        }
        #expect(steps == 80_000)
        #expect(reached > steps / 20, "the walks should reach areas often: \(reached) of \(steps)")
    }
}
