import Foundation
import Testing
import UnknotSession

/// docs/care.md is the project's behavioural specification: its section 1 keeps a row for every
/// reaction the care policy answers, and everything it cites (test suites, scenarios) exists.
@Suite struct CareDocumentTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func text(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    /// Section 1 of docs/care.md.
    static func sectionOne() throws -> String {
        let care = try text("docs/care.md")
        let start = try #require(care.range(of: "## 1."))
        let end = try #require(care.range(of: "## 2.", range: start.upperBound..<care.endIndex))
        return String(care[start.lowerBound..<end.lowerBound])
    }

    /// The bullet of section 1 that answers each trigger of the care policy.
    static let bullets: [PolicyTrigger: String] = [
        .pain: "**Pain**", .painAgainAtSpot: "**Pain**", .cryingWithoutPain: "**Tears without pain**",
        .cryingWithPain: "**Tears with pain**", .laughter: "**Laughter, ticklishness**",
        .laughterAgainAtSpot: "**Laughter, ticklishness**", .breakRequest: "**A break**",
        .digestiveNoise: "**Digestive noises, wind**", .sigh: "**Sighs, going quiet, falling asleep**",
        .sleep: "**Sighs, going quiet, falling asleep**", .relaxation: "**Relaxation**",
        .sessionEnded: "**Feeling emotional afterwards**",
    ]

    @Test("Every reaction the care policy answers has its row in docs/care.md section 1")
    func everyTriggerHasARow() throws {
        let section = try Self.sectionOne()
        for trigger in PolicyTrigger.allCases {
            let bullet = try #require(Self.bullets[trigger], "no row chosen for \(trigger.rawValue)")
            #expect(section.contains("- " + bullet), "docs/care.md section 1 has no \(bullet) row")
        }
    }

    @Test("The test suites and scenarios docs/care.md names exist, and every scenario is named there")
    func citationsExist() throws {
        let care = try Self.text("docs/care.md")
        let words = care.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "-" && $0 != "." })
        let suites = Set(words.filter { $0.count > 5 && $0.hasSuffix("Tests") }.map(String.init))
        let tests = try FileManager.default.subpathsOfDirectory(atPath: Self.root.appendingPathComponent("Tests").path)
        let sources = try tests.filter { $0.hasSuffix(".swift") }.map {
            try String(contentsOf: Self.root.appendingPathComponent("Tests/" + $0), encoding: .utf8)
        }.joined()
        for suite in suites {
            #expect(sources.contains("struct \(suite)") || sources.contains("class \(suite)"), "no suite \(suite)")
        }
        // docs/scenarios and its folders (hearing/ holds those run on real recordings).
        let files = try FileManager.default.subpathsOfDirectory(
            atPath: Self.root.appendingPathComponent("docs/scenarios").path)
        let scenarios = files.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".json") }
        #expect(!scenarios.isEmpty)
        for file in scenarios { #expect(care.contains("`\(file)`"), "docs/care.md does not name \(file)") }
        let names = Set(scenarios.map { ($0 as NSString).lastPathComponent })
        for named in words where named.hasSuffix(".yaml") || named.hasSuffix(".json") {
            #expect(names.contains(String(named)), "docs/care.md names \(named), which docs/scenarios lacks")
        }
    }
}
