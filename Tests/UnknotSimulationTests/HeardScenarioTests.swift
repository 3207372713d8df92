import Foundation
import Testing
import UnknotCore
import UnknotHearing
import UnknotSession
import UnknotSimulation

/// Issue #16, at the table: the station hears real recordings (crying, laughter, speech) mixed
/// into a studio's sound, through its own hearing, and answers as the care plan asks
/// (docs/scenarios/hearing). The recordings are read from `$UNKNOT_DATA` or `../shared/data`
/// beside the checkout; without them these tests are skipped, and fail when UNKNOT_REQUIRE_DATA=1.
@Suite struct HeardScenarioTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let data: URL? = {
        let environment = ProcessInfo.processInfo.environment["UNKNOT_DATA"].flatMap { $0.isEmpty ? nil : $0 }
        let folder = environment.map { URL(fileURLWithPath: $0) } ?? root.appendingPathComponent("../shared/data")
        let vocal = folder.appendingPathComponent("vocalizations").path
        return FileManager.default.fileExists(atPath: vocal) ? folder.standardizedFileURL : nil
    }()

    static let required = ProcessInfo.processInfo.environment["UNKNOT_REQUIRE_DATA"] == "1"
    static let voices: RecordedVoices? = data.flatMap { try? RecordedVoices.load(from: $0) }

    static let scenarios: [URL] = {
        let folder = root.appendingPathComponent("docs/scenarios/hearing")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { folder.appendingPathComponent($0) }
    }()

    /// The scenario in `file` run to its end on a station that hears the recordings.
    static func run(_ file: URL) throws -> ScenarioRun {
        let voices = try #require(Self.voices, "no recordings in \(data?.path ?? "$UNKNOT_DATA or ../shared/data")")
        let text = try String(contentsOf: file, encoding: .utf8)
        let scenario = try Scenario.read(text: text, name: file.deletingPathExtension().lastPathComponent)
        var run = try ScenarioRun(scenario, catalog: .bundled())
        let hearing = SimulatedHearing(
            voices: voices, network: try YAMNet.network(), calibration: try HearingCalibration.shipped(),
            seed: scenario.seed)
        let listening = run.listen(hearing)
        #expect(listening, "the scenario's care plan must let the station listen")
        run.run()
        return run
    }

    @Test("The recordings are there when CI says they must be")
    func dataPresent() {
        if Self.required { #expect(Self.voices != nil, "UNKNOT_REQUIRE_DATA=1 but no recordings were found") }
    }

    @Test(
        "Every hearing scenario holds, on real recordings", .enabled(if: voices != nil || required),
        arguments: scenarios)
    func scenario(_ file: URL) throws {
        let run = try Self.run(file)
        let report = run.report()
        #expect(report.passed, "\(report.lines().joined(separator: "\n"))")
        let heard = run.station.heard
        let acted = run.events.compactMap { event -> ReactionEvent? in
            if case .reaction(let reaction, true, _) = event.event { reaction } else { nil }
        }
        let reactions = run.events.compactMap { event -> ReactionEvent? in
            if case .reaction(let reaction, _, _) = event.event { reaction } else { nil }
        }
        switch file.deletingPathExtension().lastPathComponent {
        case "tears-heard", "crying-heard":
            // The crying was heard, and the tears carry what was heard (the body may have told first).
            #expect(heard.contains { $0.sound.kind == .crying && $0.sound.confidence >= 0.7 }, "\(heard)")
            #expect(acted.contains { $0.kind == .crying })
            #expect(reactions.contains { $0.kind == .crying && $0.evidence.contains(.sound(.crying)) }, "\(reactions)")
            #expect(!heard.contains { $0.sound.kind == .laughter }, "\(heard)")
        case "laughter-heard":
            #expect(heard.contains { $0.sound.kind == .laughter }, "\(heard)")
            #expect(acted.contains { $0.kind == .laughter && $0.evidence.contains(.sound(.laughter)) }, "\(acted)")
            #expect(!acted.contains { $0.kind == .crying }, "\(acted)")
        case "speech-heard":
            // Speech was heard as speech, and nothing distressing was read into it.
            #expect(heard.contains { $0.sound.kind == .speech }, "\(heard)")
            #expect(!heard.contains { $0.sound.kind.mayShowDistress && $0.sound.confidence >= 0.5 }, "\(heard)")
            #expect(!acted.contains { [.crying, .pain, .laughter].contains($0.kind) }, "\(acted)")
        default:
            break
        }
    }

    @Test("A care plan that does not let the station listen: nothing is heard", .enabled(if: voices != nil || required))
    func noConsent() throws {
        let voices = try #require(Self.voices)
        let file = Self.root.appendingPathComponent("docs/scenarios/hearing/crying-heard.yaml")
        var text = try String(contentsOf: file, encoding: .utf8)
        text = text.replacingOccurrences(of: ", stationMayListen: true", with: "")
        let scenario = try Scenario.read(text: text, name: "crying-unheard")
        var run = try ScenarioRun(scenario, catalog: .bundled())
        let hearing = SimulatedHearing(
            voices: voices, network: try YAMNet.network(), calibration: try HearingCalibration.shipped(),
            seed: scenario.seed)
        let listening = run.listen(hearing)
        #expect(!listening)
        run.run(limit: 250_000)
        #expect(run.station.heard.isEmpty)
        #expect(!run.report().passed)
    }
}
