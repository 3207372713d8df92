import Foundation
import Testing
import UnknotSession

#if canImport(Glibc)
    import Glibc
#endif

/// A station on an arm, as its own process, taking a booked session from its studio: `unknot
/// serve --no-demo-stations`, `unknot robot-sim` and `unknot station --robot … --studio …
/// --station 1`, over loopback (issue #15). The station is SIGKILLed mid-session: the arm holds
/// within its 20 ms watchdog, the record on the station's disk loses at most the last 100 ms before
/// the last command the arm took, and the station started again reports the session interrupted, delivers
/// the record, and the booking says so. Real time: run alone with the other timing checks
/// (`UNKNOT_TIMING_CHECKS=1`).
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["UNKNOT_TIMING_CHECKS"] == "1"))
struct ArmStationKilledTests {
    /// `unknot station --robot` taking its sessions from the studio.
    static func station(robot: UInt16, studio: String, token: String, folder: URL) throws -> Process {
        let station = Process()
        station.executableURL = CommandLineTests.binary
        station.arguments = [
            "station", "--robot", "udp://127.0.0.1:\(robot)", "--studio", studio, "--station", "1", "--token", token,
            "--station-directory", folder.path, "--quiet",
        ]
        station.standardOutput = FileHandle.nullDevice
        station.standardError = FileHandle.nullDevice
        try station.run()
        let pid = station.processIdentifier
        DispatchQueue.global().asyncAfter(deadline: .now() + 180) { kill(pid, SIGKILL) }
        return station
    }

    static func monotonicMicroseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int64(now.tv_sec) * 1_000_000 + Int64(now.tv_nsec) / 1_000
    }

    @Test("the station killed mid-session: the arm holds within 20 ms, the record is kept, the booking is interrupted")
    func stationKilled() async throws {
        signal(SIGPIPE, SIG_IGN)
        let folder = try StudioProcess.temporaryFolder("unknot-arm-killed")
        defer { try? FileManager.default.removeItem(at: folder) }
        let (studio, _, token) = try await StudioProcess.withStationCredential(in: folder)
        defer { studio.stop() }
        let client = try await studio.signIn("client@unknot.local")
        let robot = try RobotSimCommandTests.RobotSim()
        let records = folder.appendingPathComponent("station")
        let station = try Self.station(robot: robot.port, studio: studio.url, token: token, folder: records)
        defer { kill(station.processIdentifier, SIGKILL) }

        let (booking, session, console) = try await studio.startWorking(client: client)
        defer { console.task.cancel() }
        // Pressing for a while, then the station dies.
        try await Task.sleep(for: .seconds(2))
        let killedAt = Self.monotonicMicroseconds()
        kill(station.processIdentifier, SIGKILL)
        station.waitUntilExit()

        // The arm held on its own watchdog, and says when.
        let robotPID = robot.process.processIdentifier
        DispatchQueue.global().asyncAfter(deadline: .now() + 120) { kill(robotPID, SIGKILL) }
        let held = try #require(robot.waitFor("held at"), "robot-sim never held")
        let words = held.split(separator: " ")
        let heldAt = try #require(words.firstIndex(of: "at").flatMap { Int64(words[$0 + 1]) })
        let after = try #require(words.firstIndex(of: "ms").flatMap { Double(words[$0 - 1]) })
        let lastCommand = try #require(words.firstIndex(of: "time").flatMap { Int(words[$0 + 1]) })
        // Its watchdog is checked every millisecond: it holds on the first tick past 20 ms (20.0-21.0 ms),
        // give or take a wake-up the scheduler makes late on a loaded machine (21.0 ms printed in CI).
        #expect(after < 22, "the arm held \(after) ms after the last command (watchdog 20 ms, checked every ms)")
        print("arm held \(Double(heldAt - killedAt) / 1_000) ms after the kill, \(after) ms after the last command")

        // The record on the station's disk loses at most the last 100 ms before the last command the
        // arm took: every telemetry sample due by then is kept. (Samples come every 100 ms, so the
        // last one kept may sit up to 200 ms before that command: 6,900 ms for a command at 7,006.)
        let file = records.appendingPathComponent("\(session.uppercased()).jsonl")
        let kept = try SessionRecord.read(from: file.path)
        let lastKept = kept.events.last?.t ?? 0
        let every = SessionConfiguration().telemetryMilliseconds
        let lastDue = (lastCommand - SessionRecordWriter.flushMilliseconds) / every * every
        #expect(
            lastKept >= lastDue,
            "the record ends at \(lastKept) ms, the arm's last command at \(lastCommand): the sample at \(lastDue) is lost"
        )
        #expect(kept.summary == nil)

        // Started again: the station reports the session interrupted and delivers its record.
        let again = try Self.station(robot: robot.port, studio: studio.url, token: token, folder: records)
        defer { kill(again.processIdentifier, SIGKILL) }
        var status: String?
        for _ in 0..<200 where status != "interrupted" {
            status = try await studio.call("GET", "/api/bookings/\(booking)", token: client).json["status"] as? String
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(status == "interrupted")
        var stored = Data()
        for _ in 0..<100 where stored.isEmpty {
            let reply = try await studio.call("GET", "/api/bookings/\(booking)/record.jsonl", token: client)
            if reply.status == 200 { stored = reply.data } else { try await Task.sleep(for: .milliseconds(100)) }
        }
        let lines = String(decoding: stored, as: UTF8.self).split(separator: "\n")
        #expect(lines.count >= kept.events.count, "the studio holds \(lines.count) lines")
        #expect(lines.first?.contains("\"simulated\":true") == true, "the record names robot-sim, a simulated arm")
        kill(again.processIdentifier, SIGTERM)
        again.waitUntilExit()
    }
}
