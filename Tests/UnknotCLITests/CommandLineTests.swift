import Foundation
import Testing
import UnknotCore

/// Runs the real `unknot` binary, as a user would, and checks what it prints and how it exits.
/// Each test gets its own temporary folder, removed when the test ends.
@Suite final class CommandLineTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("unknot-cli-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    struct Result {
        var status: Int32
        var out: String
        var err: String
    }

    static var binary: URL {
        // The test bundle sits in the build folder next to the executables it depends on.
        var dir = Bundle.main.bundleURL
        while !FileManager.default.fileExists(atPath: dir.appendingPathComponent("unknot").path), dir.path != "/" {
            dir = dir.deletingLastPathComponent()
        }
        return dir.appendingPathComponent("unknot")
    }

    func run(_ arguments: [String], executable: URL = binary, environment: [String: String]? = nil) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, out: String(decoding: outData, as: UTF8.self),
            err: String(decoding: errData, as: UTF8.self))
    }

    func temporary(_ name: String, _ contents: String) throws -> String {
        let url = folder.appendingPathComponent("\(UUID())-\(name)")
        try Data(contents.utf8).write(to: url)
        return url.path
    }

    @Test func programsListsTheFivePrograms() throws {
        let result = try run(["programs"])
        #expect(result.status == 0)
        for id in ["total-back", "neck-jaw-shoulders", "hips-glutes-lower-back", "full-body", "express"] {
            #expect(result.out.contains(id))
        }
        #expect(result.out.contains("30, 45, 60, 90 min"))
    }

    @Test func planPrintsAnOutlineAJSONPlanAndAnSVG() throws {
        let care = try temporary("care.json", try run(["care-plan", "example"]).out)
        let common = [
            "plan", "--program", "total-back", "--minutes", "30", "--care-plan", care, "--height", "170", "--date",
            "2026-11-22",
        ]
        let text = try run(common)
        #expect(text.status == 0, "\(text.err)")
        #expect(text.out.contains("Focused work"))
        let json = try run(common + ["--format", "json"])
        let plan = try JSONDecoder().decode(SessionPlan.self, from: Data(json.out.utf8))
        #expect(plan.durationMilliseconds == 1_800_000)
        let svg = try run(common + ["--format", "svg"])
        #expect(svg.out.hasPrefix("<svg"))
    }

    @Test func planFromAScanUsesTheFittedBody() throws {
        let scan = folder.appendingPathComponent("body.pgm").path
        let made = try run(["scan", "synthesize", "--height", "185", "--seed", "4", "-o", scan])
        #expect(made.status == 0, "\(made.err)")
        let fit = try run(["scan", "fit", scan, "--json"])
        #expect(fit.status == 0, "\(fit.err)")
        #expect(fit.out.contains("\"height\""))
        let care = try temporary("care.json", #"{"schemaVersion": 1}"#)
        let plan = try run([
            "plan", "--program", "hips-glutes-lower-back", "--minutes", "45", "--care-plan", care, "--scan", scan,
            "--format", "json",
        ])
        let decoded = try JSONDecoder().decode(SessionPlan.self, from: Data(plan.out.utf8))
        #expect(abs(decoded.body.height - 185) <= 2)
    }

    @Test func wrongInputExitsNonZeroNamingTheProblem() throws {
        let care = try temporary("care.json", #"{"schemaVersion": 1, "painLimit": 9, "focus": ["neck"]}"#)
        let ok = try temporary("ok.json", #"{"schemaVersion": 1}"#)
        let cases: [([String], String)] = [
            (
                ["plan", "--program", "hot-stones", "--minutes", "30", "--care-plan", ok, "--height", "170"],
                "there is no program 'hot-stones'"
            ),
            (
                ["plan", "--program", "total-back", "--minutes", "20", "--care-plan", ok, "--height", "170"],
                "not offered for 20 minutes"
            ),
            (
                ["plan", "--program", "total-back", "--minutes", "30", "--care-plan", care, "--height", "170"],
                "painLimit"
            ),
            (
                ["plan", "--program", "total-back", "--minutes", "30", "--care-plan", care, "--height", "170"],
                "focus: is not a care plan field; did you mean 'focusAreas'?"
            ),
            (
                [
                    "plan", "--program", "total-back", "--minutes", "30", "--care-plan", "/nonexistent.json",
                    "--height", "170",
                ], "cannot read the care plan"
            ),
            (
                ["plan", "--program", "total-back", "--minutes", "30", "--care-plan", ok, "--height", "300"],
                "height is 300 cm"
            ),
            (["plan", "--program", "total-back", "--minutes", "30", "--care-plan", ok], "give the body"),
            (
                ["plan", "--program", "total-back", "--minutes", "30", "--care-plan", ok, "--scan", ok],
                "not a PGM depth image"
            ),
            (
                [
                    "plan", "--program", "total-back", "--minutes", "30", "--care-plan", ok, "--height", "170",
                    "--date", "tomorrow",
                ], "not a date"
            ),
        ]
        for (arguments, expected) in cases {
            let result = try run(arguments)
            #expect(result.status != 0, "\(arguments) succeeded")
            #expect(result.err.contains(expected), "\(arguments): \(result.err)")
            #expect(!result.err.contains("Fatal error"), "\(arguments) trapped")
        }
    }

    @Test("unknot station: each wrong combination is named, with what to do instead")
    func stationArgumentsExplained() throws {
        let arm = ["station", "--robot", "udp://127.0.0.1:9", "--station", "2"]
        let cases: [([String], [String])] = [
            (arm, ["give --studio URL too"]),
            (
                arm + ["--studio", "http://127.0.0.1:9", "--lockstep", "--minutes", "30", "--record", "r.jsonl"],
                ["--lockstep", "--minutes", "--record"]
            ),
            (
                arm + ["--studio", "http://127.0.0.1:9", "--console-listen", "somewhere"],
                ["--console-listen somewhere is not HOST:PORT"]
            ),
            (arm + ["--program", "total-back"], ["drop --program", "or drop --station"]),
            (["station", "--robot", "udp://127.0.0.1:9"], ["--program ID", "--minutes N", "--care-plan FILE"]),
        ]
        for (arguments, expected) in cases {
            let result = try run(arguments)
            #expect(result.status != 0, "\(arguments) succeeded")
            for words in expected { #expect(result.err.contains(words), "\(arguments): \(result.err)") }
        }
    }

    @Test func expressWorksTheAreaNamedWithFocus() throws {
        let care = try temporary("care.json", #"{"schemaVersion": 1, "focusAreas": ["neck"]}"#)
        let base = [
            "plan", "--program", "express", "--minutes", "15", "--care-plan", care, "--height", "170", "--format",
            "json",
        ]
        let plan = try JSONDecoder().decode(
            SessionPlan.self, from: Data(try run(base + ["--focus", "left calf"]).out.utf8))
        #expect(plan.plannedParts == [BodyPartID(.calves, .left)])
        let refused = try run(base + ["--focus", "chest"])
        #expect(refused.status != 0)
        #expect(refused.err.contains("sensitiveAreasOptedIn"))
        #expect(try run(base + ["--focus", "wings"]).err.contains("--focus: 'wings' is not a body area"))
    }

    @Test func carePlanCheckScreens() throws {
        let pregnant = try temporary("care.json", #"{"schemaVersion": 1, "health": {"pregnant": true}}"#)
        let result = try run(["care-plan", "check", pregnant, "--program", "total-back"])
        #expect(result.status == 2)
        #expect(result.out.contains("Refused: pregnancy"))
        let fine = try run(["care-plan", "check", try temporary("ok.json", #"{"schemaVersion": 1}"#)])
        #expect(fine.status == 0)
        #expect(fine.out.contains("nothing to adjust"))
    }
}
