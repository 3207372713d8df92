import Foundation
import Testing
import UnknotCore

extension CommandLineTests {
    /// Runs a bash script with `$UNKNOT` naming the binary, the way a user types a pipeline.
    func shell(_ script: String) throws -> Result {
        try run(
            ["-c", script], executable: URL(fileURLWithPath: "/bin/bash"),
            environment: ProcessInfo.processInfo.environment.merging(["UNKNOT": Self.binary.path]) { $1 })
    }

    @Test func carePlansAreReadFromPipesAndStandardInput() throws {
        let plan = #"{"schemaVersion": 1, "painLimit": 5}"#
        for script in [
            "echo '\(plan)' | \"$UNKNOT\" care-plan check /dev/stdin",
            "echo '\(plan)' | \"$UNKNOT\" care-plan check -",
            "\"$UNKNOT\" care-plan check <(echo '\(plan)')",
            "\"$UNKNOT\" plan --program total-back --minutes 30 --height 170 --care-plan <(echo '\(plan)')",
        ] {
            let result = try shell(script)
            #expect(result.status == 0, "\(script): \(result.err)")
            #expect(!result.err.contains("permission"), "\(script): \(result.err)")
        }
    }

    @Test func everyProblemInACarePlanIsNamedAtOnceWithItsChoices() throws {
        let file = try temporary(
            "care.json", #"{"schemaVersion":1,"painLimit":11,"focusAreas":["elbows"],"ifICry":""}"#)
        let result = try run(["care-plan", "check", file])
        #expect(result.status != 0)
        for expected in [
            "painLimit", "1 to 8", "focusAreas[0]", "\"elbows\"", "lower-back", "ifICry", "pause-and-offer-tissue",
        ] {
            #expect(result.err.contains(expected), "\(expected) missing from: \(result.err)")
        }
        #expect(!result.err.contains("DecodingError") && !result.err.contains("CodingKeys"))
        let missing = try run(["care-plan", "check", try temporary("nine.json", #"{"painLimit":9}"#)])
        #expect(missing.err.contains("schemaVersion") && missing.err.contains("painLimit"), "\(missing.err)")
    }

    @Test func serveRefusesAStationSpeedItCannotRun() throws {
        for speed in ["fast", "0x", "601x"] {
            let result = try run(["serve", "--station-speed", speed])
            #expect(result.status != 0)
            #expect(result.err.contains("--station-speed") && result.err.contains("600x"), "\(result.err)")
        }
    }
}
