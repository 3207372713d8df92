import Foundation
import Testing
import UnknotSession

/// `robot-sim` killed under a station linked to its studio, all three as processes over loopback
/// (issue #15): the station faults at once (the arm's link is gone: `ECONNREFUSED` on the next
/// 1 ms command, and the supervisor's 50 ms rule behind it), the arm is lifted, and staff see the
/// fault on the floor whatever the client's care plan says. Real time: run alone with the other
/// timing checks (`UNKNOT_TIMING_CHECKS=1`).
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["UNKNOT_TIMING_CHECKS"] == "1"))
struct RobotSimKilledTests {
    @Test("robot-sim killed mid-session: the station faults and lifts, its record says so, staff are alerted")
    func robotSimKilled() async throws {
        signal(SIGPIPE, SIG_IGN)
        let folder = try StudioProcess.temporaryFolder("unknot-robot-killed")
        defer { try? FileManager.default.removeItem(at: folder) }
        let (studio, _, token) = try await StudioProcess.withStationCredential(in: folder)
        defer { studio.stop() }
        let staff = try await studio.signIn("staff@unknot.local")

        let robot = try RobotSimCommandTests.RobotSim()
        let care = folder.appendingPathComponent("care.json").path
        try Data(#"{"schemaVersion":1}"#.utf8).write(to: URL(fileURLWithPath: care))
        let record = folder.appendingPathComponent("record.jsonl").path
        let station = try StationCommandTests.Station(
            robotPort: robot.port, record: record, care: care, extra: ["--studio", studio.url, "--token", token])
        guard station.waitFor("working") != nil else {
            Issue.record("the station never started working: \(station.transcript)")
            return
        }
        robot.kill()
        let killedAt = ContinuousClock.now
        let faulted = station.waitFor("faulted")
        #expect(faulted != nil, "\(station.transcript.suffix(5))")
        // Status lines come once a second: the fault is in the first one after the kill.
        #expect(ContinuousClock.now - killedAt < .seconds(3), "the fault took \(ContinuousClock.now - killedAt)")

        // Staff see it on the floor (the arm's fault is always staff's business).
        var floor = ""
        for _ in 0..<100
        where !floor.contains("The station&#39;s arm faulted") && !floor.contains("The station's arm faulted") {
            floor = String(decoding: try await studio.call("GET", "/staff", cookie: staff).data, as: UTF8.self)
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(
            floor.contains("arm faulted") && floor.contains("it is lifted and holds"),
            "the staff floor has no fault alert")

        station.process.terminate()
        station.process.waitUntilExit()
        // The record: the fault, and no contact after it.
        let read = try SessionRecord.read(from: record)
        let fault = try #require(
            read.events.first { if case .fault = $0.event { true } else { false } }, "no fault in the record")
        let contactAfter = read.telemetry.contains { $0.0 > fault.t + 50 && $0.1.contact }
        #expect(!contactAfter, "the arm was in contact more than 50 ms after the fault")
        studio.stop()
    }
}
