import Foundation
import Testing
import UnknotCore
import UnknotPlanning
import UnknotTesting

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite struct RenderingTests {
    let plan: SessionPlan

    init() throws {
        let care = CarePlan(
            avoidAreas: [BodyArea(.hamstrings, side: .right)],
            tenderSpots: [BodySpot(area: BodyArea(.upperBack, side: .left))])
        plan = try SessionPlanner().plan(Fixtures.request("total-back", minutes: 45, carePlan: care))
    }

    @Test func theOutlineNamesPhasesRegionsAndOmissions() {
        let text = PlanOutline.render(plan)
        for phase in ["Warm-up", "Focused work", "Integration", "Closing"] { #expect(text.contains(phase)) }
        #expect(text.contains("Left upper back"))
        #expect(text.contains("lighter on the tender spot"))
        #expect(text.contains("Tender left upper back: worked two levels lighter"))
        #expect(text.contains("45 minutes"))
        #expect(text.contains("Left out:"))
        #expect(text.contains("Glutes: a sensitive area you have not opted in to"))
        #expect(text.contains("Right hamstring: you asked to avoid the right hamstring"))
    }

    @Test func theDrawingIsWellFormedSVGWithEveryStroke() throws {
        let svg = PlanDrawing.svg(plan, body: Fixtures.body)
        let parser = XMLParser(data: Data(svg.utf8))
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        let drawn =
            svg.components(separatedBy: "<polyline").count - 1 + svg.components(separatedBy: "<circle").count - 1
        #expect(drawn == plan.strokes.count)
        #expect(!svg.contains("http://") || svg.components(separatedBy: "http://").count == 2, "only the SVG namespace")
    }
}
