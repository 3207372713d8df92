import Foundation
import Testing
import UnknotCore
import UnknotSession
import UnknotSimulation

/// Scenarios anyone can script: every problem in a file is named at once; steps fall due when
/// their time or condition comes; expectations that do not hold say so.
@Suite struct ScenarioTests {
    /// Each field that can be wrong, with a right and a wrong value and the path it is named by.
    static let fields: [(path: String, right: String, wrong: String)] = [
        ("minutes", #""minutes": 30"#, #""minutes": 3"#),
        ("seed", #""seed": 4"#, #""seed": -1"#),
        ("date", #""date": "2026-06-01""#, #""date": "soon""#),
        ("client.persona", #""client": {"persona": "sleeper"}"#, #""client": {"persona": "grumpy"}"#),
        (
            "timeline[0].do", #""timeline": [{"at": "1:00", "do": "wake"}]"#,
            #""timeline": [{"at": "1:00", "do": "dance"}]"#
        ),
        (
            "expect[0].neverTouches[0]", #""expect": [{"neverTouches": ["feet"]}]"#,
            #""expect": [{"neverTouches": ["elbows"]}]"#
        ),
    ]

    @Test("Exactly the wrong fields are named, whichever of them are wrong at once")
    func everyWrongFieldIsNamed() throws {
        for mask in 0..<(1 << Self.fields.count) {
            let parts = Self.fields.enumerated().map { i, f in mask & (1 << i) != 0 ? f.wrong : f.right }
            let json = "{\"program\": \"express\", " + parts.joined(separator: ", ") + "}"
            let expected = Set(Self.fields.enumerated().filter { mask & (1 << $0.offset) != 0 }.map(\.element.path))
            do {
                _ = try Scenario.read(text: json, name: "t")
                #expect(expected.isEmpty, "\(json)")
            } catch {
                #expect(Set(error.problems.map(\.field)) == expected, "\(json)")
            }
        }
    }

    @Test("YAML and JSON read to the same scenario")
    func yamlAndJSON() throws {
        let yaml = try Scenario.read(
            text: "program: express\nminutes: 15\ntimeline:\n  - at: \"2:30\"\n    do: that-hurts\n    rating: 7\n",
            name: "y")
        let json = try Scenario.read(
            text: #"{"program": "express", "minutes": 15, "timeline": [{"at": 150, "do": "that-hurts", "rating": 7}]}"#,
            name: "j")
        #expect(yaml.steps == json.steps)
        #expect(yaml.steps == [ScenarioStep(.at(150_000), .control(.thatHurts(rating: 7)))])
    }

    @Test("A step on a condition falls due only once the arm has been there long enough")
    func conditionSteps() throws {
        let scenario = try Scenario.read(
            text: """
                program: neck-jaw-shoulders
                minutes: 30
                until: "12:00"
                timeline:
                  - when: {area: left shoulders, technique: gliding}
                    for: 3
                    do: pressure-down
                expect:
                  - neverTouches: [right shoulders]
                """, name: "c")
        var run = try ScenarioRun(scenario, catalog: .bundled())
        var onArea = 0
        var firedWhileThere = false
        while run.step() {
            let s = run.engine.lastSetpoint
            if s.contact, s.part == BodyPartID(.shoulders, .left), s.technique == .gliding { onArea += 1 }
            if run.lastEvents.contains(where: { $0.event == .control(.pressureDown) }) {
                firedWhileThere = onArea >= 3_000 && s.part?.area == BodyArea(.shoulders, side: .left)
            }
        }
        #expect(run.firedAt[0] != nil)
        #expect(firedWhileThere)
        // The right shoulder is worked in this plan, so that expectation does not hold, and says when.
        let report = run.report()
        #expect(!report.passed)
        #expect(report.outcomes[0].detail.contains("touched the right shoulder at"))
    }

    /// The project's own scenarios, one per row of CARE.md section 1 (docs/scenarios).
    static let documented: [URL] = {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/scenarios")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".json") }.sorted()
            .map { folder.appendingPathComponent($0) }
    }()

    @Test("Every scenario in docs/scenarios holds", arguments: documented)
    func documentedScenario(_ file: URL) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        let scenario = try Scenario.read(text: text, name: file.deletingPathExtension().lastPathComponent)
        #expect(!scenario.expectations.isEmpty)
        var run = try ScenarioRun(scenario, catalog: .bundled())
        run.run()
        let report = run.report()
        #expect(report.passed, "\(report.lines().joined(separator: "\n"))")
    }

    @Test("There is a scenario for every row of CARE.md section 1")
    func oneScenarioPerRow() {
        let names = Set(Self.documented.map { $0.deletingPathExtension().lastPathComponent })
        for row in [
            "pain", "tears-tissue", "tears-default", "tears-with-pain", "laughter", "break", "digestive", "sleep",
            "relaxation",
        ] {
            #expect(names.contains(row), "docs/scenarios has no \(row)")
        }
    }
}
