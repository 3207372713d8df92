import Foundation
import Testing

/// `unknot simulate --scenario`: a scenario file (YAML or JSON, from a file or a pipe) runs, its
/// expectations are reported one by one, and the exit status says whether they all held.
extension CommandLineTests {
    static let breakScenario = """
        name: short-break
        program: express
        minutes: 15
        until: "1:30"
        client:
          carePlan: {schemaVersion: 1, focusAreas: [shoulders]}
        timeline:
          - at: "0:40"
            do: break
            seconds: 20
        expect:
          - responds: {to: break, with: break-and-lift, becomes: on-break, within: 0.002}
          - says: {text: water, after: break, within: 1}
        """

    @Test func aScenarioWhoseExpectationsHoldExitsZeroAndSaysSo() throws {
        let file = try temporary("short-break.yaml", Self.breakScenario)
        let trace = folder.appendingPathComponent("trace.jsonl").path
        let result = try run(["simulate", "--scenario", file, "--quiet", "--trace-setpoints", trace])
        #expect(result.status == 0, "\(result.out)\n\(result.err)")
        #expect(
            result.out.contains(
                "✓ \"break-and-lift\" and the session on a break within 0.002 s of the first \"break\": 00:40.0 → 00:40.0"
            ))
        #expect(result.out.contains("Scenario \"short-break\": all 2 expectations held."))
        // The trace has the tick the break was taken and the ticks after it, lifted.
        let lines = try String(contentsOfFile: trace, encoding: .utf8).split(separator: "\n")
        let taken = try #require(lines.firstIndex { $0.contains("control: break") })
        #expect(lines.count > taken + 50)
        #expect(lines[taken + 1].contains("\"sent\":{\"contact\":false"))
    }

    @Test func aScenarioWithAnExpectationThatFailsExitsOneAndNamesIt() throws {
        let failing = Self.breakScenario.replacingOccurrences(
            of: "  - says: {text: water, after: break, within: 1}",
            with: "  - neverDoes: [break-and-lift]\n  - responds: {to: crying, with: pause-and-lift, within: 2}")
        let result = try shell("printf '%s' '\(failing)' | \"$UNKNOT\" simulate --scenario - --quiet")
        #expect(result.status == 1, "\(result.out)\n\(result.err)")
        #expect(result.out.contains("✗ never \"break-and-lift\": \"break-and-lift\" at 00:40.0"))
        #expect(result.out.contains("✗ \"pause-and-lift\" within 2 s of the first crying"))
        #expect(result.out.contains("could not be checked"))
        #expect(result.out.contains("2 of 3 expectations did not hold."))
    }

    @Test func everyProblemInAScenarioIsNamedAtOnce() throws {
        let file = try temporary(
            "bad.json",
            #"""
            {"minutes": 3, "client": {"persona": "grumpy", "carePlan": {"schemaVersion": 1, "painLimit": 11}},
             "timeline": [{"at": "12:75", "do": "dance"}, {"at": "1:00", "when": {}, "do": "wake"}],
             "expect": [{"neverTouch": ["feet"]}, {"responds": {"to": "tears", "with": "pause"}}]}
            """#)
        let result = try run(["simulate", "--scenario", file])
        #expect(result.status != 0)
        for field in [
            "program: is missing", "minutes: is 3", "client.persona: is \"grumpy\"", "client.carePlan.painLimit: is 11",
            "timeline[0].at: is \"12:75\"", "timeline[0].do: is \"dance\"", "timeline[1]: has both",
            "expect[0].neverTouch: is not an expectation field; did you mean 'neverTouches'?",
            "expect[1].responds.to: is \"tears\"", "expect[1].responds.with: is \"pause\"",
        ] {
            #expect(result.err.contains(field), "\(field)\n\(result.err)")
        }
        let mixed = try run(["simulate", "--scenario", file, "--program", "express", "--persona", "sleeper"])
        #expect(mixed.err.contains("--program, --persona come from the scenario"))
        let none = try run(["simulate", "--program", "express"])
        #expect(none.err.contains("--minutes") && none.err.contains("--persona") && !none.err.contains("--program ("))
    }
}
