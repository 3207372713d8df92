import PropertyBased
import Testing
import UnknotCore
import UnknotTesting

@Suite struct BodyModelTests {
    @Test func theOutlineMatchesTheMeasurements() async {
        await propertyCheck(count: 40, input: Gen.uint64().withoutShrink()) { seed in
            var rng = SeededGenerator(seed: seed)
            let m = RandomClient.body(&rng)
            let body = BodyModel(m)
            let l = body.landmarks
            #expect(abs(2 * body.torsoHalfWidth(at: l.shoulders) - m.shoulderWidth) < 1e-9)
            #expect(abs(2 * body.torsoHalfWidth(at: l.waist) - m.waistWidth) < 1e-9)
            #expect(abs(2 * body.torsoHalfWidth(at: l.hips) - m.hipWidth) < 1e-9)
            #expect(abs(2 * body.torsoHalfWidth(at: l.neck) - m.neckWidth) < 1e-9)
            #expect(abs(body.surfaceHeight(at: SurfacePoint(x: 0, y: 0.25 * m.height)) - m.torsoDepth) < 1e-9)
        }
    }

    @Test func everyPartHasAPatchOnTheBodyClearOfTheSpine() async {
        await propertyCheck(count: 25, input: Gen.uint64().withoutShrink()) { seed in
            var rng = SeededGenerator(seed: seed)
            let body = BodyModel(RandomClient.body(&rng))
            let spine = body.zones.first { $0.kind == .spine }!
            for part in BodyPartID.all {
                let patch = body.patch(for: part)
                #expect(patch.area > 10, "\(part) patch is \(patch.area) cm²")
                for row in patch.rows {
                    #expect(row.xMin < row.xMax, "\(part) row at \(row.y)")
                    if patch.face == .posterior {
                        let inset = 0.001 * row.width
                        for x in [row.xMin + inset, row.xMax - inset]
                        where row.y > spine.shape.minY && row.y < spine.shape.maxY {
                            #expect(!spine.shape.contains(SurfacePoint(x: x, y: row.y)), "\(part) overlaps the spine")
                        }
                        #expect(
                            body.surfaceHeight(at: SurfacePoint(x: (row.xMin + row.xMax) / 2, y: row.y)) > 0,
                            "\(part) off the body")
                    }
                }
                // Region coordinates map into the patch and back.
                let c = RegionCoordinate(u: 0.3, v: 0.6)
                let back = patch.coordinate(of: patch.point(at: c))
                #expect(abs(back.u - c.u) < 1e-6 && abs(back.v - c.v) < 1e-6)
                #expect(patch.contains(patch.center))
            }
        }
    }

    @Test func normalsAreUnitAndPointAwayFromTheTable() {
        let body = BodyModel(BodyMeasurements(height: 175))
        let center = SurfacePoint(x: 0, y: body.landmarks.armpit)
        let n = body.normal(at: center)
        #expect(abs(n.length - 1) < 1e-9)
        #expect(n.z > 0.95)
        // On the right flank the surface tilts to the right.
        let flank = body.normal(
            at: SurfacePoint(x: 0.9 * body.torsoHalfWidth(at: body.landmarks.waist), y: body.landmarks.waist))
        #expect(flank.x > 0.3)
        let p = body.position(at: center)
        #expect(p.z == body.surfaceHeight(at: center))
        #expect(body.surfaceHeight(at: SurfacePoint(x: 40, y: 50)) == 0)
    }

    @Test func everyEndangermentZoneIsPlaced() {
        let body = BodyModel(BodyMeasurements(height: 165))
        #expect(Set(body.zones.map(\.kind)) == Set(EndangermentZoneKind.allCases))
        let kidney = body.zones.first { $0.kind == .kidneyArea && $0.side == .right }!
        #expect(kidney.shape.contains(SurfacePoint(x: 5, y: (body.landmarks.lowestRib + body.landmarks.waist) / 2)))
        let knee = body.zones.first { $0.kind == .poplitealFossa && $0.side == .left }!
        #expect(
            knee.shape.contains(SurfacePoint(x: -body.leg(at: body.landmarks.knees)!.center, y: body.landmarks.knees)))
    }

    @Test func eachRegionKnowsItsZones() {
        let body = BodyModel(BodyMeasurements(height: 170))
        func kinds(_ region: BodyRegion, _ side: BodySide = .right) -> Set<EndangermentZoneKind> {
            Set(body.zones(near: BodyPartID(region, side)).map(\.kind))
        }
        #expect(kinds(.midBack).isSuperset(of: [.spine, .kidneyArea]))
        #expect(kinds(.lowerBack).contains(.kidneyArea))
        #expect(kinds(.glutes).isSuperset(of: [.spine, .sciaticNotch]))
        #expect(kinds(.neck).isSuperset(of: [.spine, .posteriorNeckTriangle]))
        #expect(kinds(.abdomen, .midline) == [.umbilicalArea])
        #expect(kinds(.feet).isEmpty)
        #expect(
            body.zones(near: BodyPartID(.hamstrings, .left), margin: 3).contains {
                $0.kind == .poplitealFossa && $0.side == .left
            })
    }

    @Test func measurementsOutsideTheModelAreNamed() {
        var m = BodyMeasurements(height: 250)
        m.waistWidth = 60
        let problems = m.problems()
        #expect(problems.contains { $0.hasPrefix("height is 250 cm") })
        #expect(problems.contains { $0.hasPrefix("waistWidth") })
        #expect(BodyMeasurements(height: 170).problems().isEmpty)
    }
}
