import Testing
import UnknotCore
import UnknotPlanning
import UnknotTesting

/// A contact's centre stays on the client's body (issue #19: on the physics twin, a rocking hand
/// laid medial edge first on the hips' narrow outer strip had its centre 3 cm beside the body, on
/// the table; the pad pressed the side of the hip, then lifted into it).
@Suite("Strokes on the body")
struct StrokesOnTheBodyTests {
    @Test(
        "Hips, Glutes & Lower Back: every point of every stroke on the hips, circles and sways included, is on the body",
        arguments: [30, 60])
    func hips(minutes: Int) throws {
        var care = CarePlan()
        care.sensitiveAreasOptedIn = [.glutes]
        let plan = try SessionPlanner().plan(
            Fixtures.request("hips-glutes-lower-back", minutes: minutes, carePlan: care))
        let strokes = plan.strokes.filter { $0.part.region == .hips }
        #expect(!strokes.isEmpty)
        var beside: [String] = []
        for stroke in strokes {
            for (a, b) in zip(stroke.path, stroke.path.dropFirst()) {
                for step in 0...8 {
                    let p = a.interpolated(to: b, Double(step) / 8)
                    if Fixtures.body.surfaceHeight(at: p, face: stroke.face) <= 0 {
                        beside.append("\(stroke.technique.rawValue) on \(stroke.part) at (\(p.x), \(p.y))")
                    }
                }
            }
        }
        #expect(beside.isEmpty, "\(beside.count) points beside the body, first \(beside.prefix(3))")
    }
}
