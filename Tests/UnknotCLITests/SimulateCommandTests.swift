import Foundation
import Testing

/// `unknot simulate`, `unknot record show` and `unknot care-policy`, run as a user would.
extension CommandLineTests {
    @Test func simulateRunsAWholeSessionAndWritesARecord() throws {
        let record = folder.appendingPathComponent("session.jsonl").path
        let truth = folder.appendingPathComponent("truth.json").path
        let result = try run([
            "simulate", "--program", "express", "--minutes", "15", "--persona", "pressure-seeker", "--seed", "4",
            "--speed", "max", "--record", record, "--truth", truth,
        ])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains("Simulated pressure-seeker"))
        #expect(result.out.contains("Relaxation: heart rate"))
        #expect(result.out.contains("finished (the plan is complete)"))
        #expect(result.out.contains("[") && result.out.contains("%]"))
        #expect(FileManager.default.fileExists(atPath: truth))
        let shown = try run(["record", "show", record])
        #expect(shown.status == 0, "\(shown.err)")
        #expect(shown.out.contains("Express (one focus area), 15 min"))
        #expect(shown.out.contains("client    pressure up"))
        #expect(shown.out.contains("state     finished"))
    }

    @Test func simulateShowsTheSupervisorLiftingOffOnADropout() throws {
        let result = try run([
            "simulate", "--program", "express", "--minutes", "15", "--persona", "sleeper", "--speed", "max",
            "--dropout-at", "120", "--robot-fault-at", "400",
        ])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains("FAULT: no sensor data for 50 ms"))
        #expect(result.out.contains("FAULT: the robot reported fault 7"))
        #expect(result.out.contains("Faults: no sensor data for 50 ms; the robot reported fault 7"))
        #expect(result.out.contains("finished (the plan is complete)"))
    }

    @Test func simulateRefusesUnknownPersonasAndPrograms() throws {
        let persona = try run([
            "simulate", "--program", "express", "--minutes", "15", "--persona", "grumpy", "--speed", "max",
        ])
        #expect(persona.status != 0)
        #expect(persona.err.contains("there is no persona 'grumpy'"))
        #expect(persona.err.contains("sleeper"))
        let length = try run([
            "simulate", "--program", "total-back", "--minutes", "20", "--persona", "sleeper", "--speed", "max",
        ])
        #expect(length.status != 0)
        #expect(length.err.contains("20"))
        let speed = try run([
            "simulate", "--program", "express", "--minutes", "15", "--persona", "sleeper", "--speed", "fast",
        ])
        #expect(speed.status != 0)
        #expect(speed.err.contains("real") && speed.err.contains("60x"))
    }

    @Test func recordShowExplainsABadFile() throws {
        let bad = try temporary("bad.jsonl", "{\"type\":\"header\"}\nnot json\n")
        let result = try run(["record", "show", bad])
        #expect(result.status != 0)
        #expect(result.err.contains("line 1") || result.err.contains("line 2"))
        let missing = try run(["record", "show", folder.appendingPathComponent("nope.jsonl").path])
        #expect(missing.status != 0)
        #expect(missing.err.contains("cannot read"))
    }

    @Test func carePolicyDocIsTheCodesTable() throws {
        let result = try run(["care-policy"])
        #expect(result.status == 0)
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { root.deleteLastPathComponent() }
        let doc = try String(contentsOf: root.appendingPathComponent("docs/care-policy.md"), encoding: .utf8)
        #expect(
            doc == result.out,
            "docs/care-policy.md is out of date: run `swift run unknot care-policy > docs/care-policy.md`")
        for trigger in [
            "pain", "crying-without-pain", "laughter", "break-request", "digestive-noise", "sleep", "relaxation",
        ] {
            #expect(result.out.contains("**\(trigger)**"))
        }
    }
}
