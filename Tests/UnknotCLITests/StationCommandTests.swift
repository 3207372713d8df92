import Foundation
import Testing
import UnknotCore
import UnknotHearing
import UnknotSession
import UnknotTesting

/// `unknot station` as its own process, on `unknot robot-sim` over loopback.
/// Real processes in real time (a 1 kHz loop on robot-sim's 20 ms watchdog): run alone by
/// `scripts/test` with the other timing checks (`UNKNOT_TIMING_CHECKS=1`); in the parallel run a
/// starved loop faults the arm and the check means nothing.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["UNKNOT_TIMING_CHECKS"] == "1")) struct StationCommandTests {
    let folder: URL

    init() throws {
        // A station that ended early must fail the test, not kill it when the console is written to.
        signal(SIGPIPE, SIG_IGN)
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("unknot-station-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// A running `unknot station` with a pipe to its terminal console and one from its output.
    final class Station {
        let process = Process()
        let console = Pipe()
        let output = Pipe()
        /// Every line read so far, for failure messages.
        private(set) var transcript: [String] = []

        /// The bench: the one session given here, on robot-sim at `robotPort`.
        convenience init(robotPort: UInt16, record: String, care: String, extra: [String] = []) throws {
            try self.init(
                arguments: [
                    "station", "--robot", "udp://127.0.0.1:\(robotPort)", "--program", "total-back", "--minutes", "30",
                    "--care-plan", care, "--record", record,
                ] + extra)
        }

        init(arguments: [String]) throws {
            process.executableURL = CommandLineTests.binary
            process.arguments = arguments
            process.standardInput = console
            process.standardOutput = output
            process.standardError = output
            try process.run()
            // A bound on every test: a station still running after two minutes is killed, which
            // ends its output, so no wait below can hang.
            let pid = process.processIdentifier
            DispatchQueue.global().asyncAfter(deadline: .now() + 120) { kill(pid, SIGKILL) }
        }

        /// Reads output lines until one contains `text` (or the output ends).
        func waitFor(_ text: String) -> String? {
            var line = Data()
            while let byte = try? output.fileHandleForReading.read(upToCount: 1), !byte.isEmpty {
                if byte[byte.startIndex] == 0x0A {
                    let read = String(decoding: line, as: UTF8.self)
                    transcript.append(read)
                    if read.contains(text) { return read }
                    line.removeAll()
                } else {
                    line.append(byte)
                }
            }
            return nil
        }

        func type(_ text: String) { console.fileHandleForWriting.write(Data("\(text)\n".utf8)) }
    }

    func care() throws -> String {
        let path = folder.appendingPathComponent("care.json").path
        try Data(#"{"schemaVersion":1}"#.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("Typed at the console: staff's stop reaches the session; SIGTERM halts it, the arm lifts, the record is kept")
    func stopAndHalt() throws {
        let robot = try RobotSimCommandTests.RobotSim()
        let record = folder.appendingPathComponent("record.jsonl").path
        let station = try Station(robotPort: robot.port, record: record, care: try care())
        guard station.waitFor("working") != nil else {
            Issue.record("the station never started working: \(station.transcript)")
            return
        }
        station.type("stop")
        #expect(station.waitFor("stopped by staff") != nil, "\(station.transcript)")
        station.process.terminate()
        station.process.waitUntilExit()
        #expect(station.process.terminationStatus == 0)
        let read = try SessionRecord.read(from: record)
        #expect(read.header.robot?.simulated == true && read.header.robot?.model == "unknot robot-sim")
        #expect(read.events.contains { if case .fault(.emergencyStop) = $0.event { true } else { false } })
    }

    @Test("The station killed (SIGKILL) mid-stroke: robot-sim lifts and holds on its own, and the record on disk reads")
    func stationKilled() throws {
        let robot = try RobotSimCommandTests.RobotSim(["--persona", "pressure-seeker"])
        let record = folder.appendingPathComponent("record.jsonl").path
        let station = try Station(robotPort: robot.port, record: record, care: try care())
        guard station.waitFor("force") != nil else {
            Issue.record("the station printed no status: \(station.transcript)")
            return
        }
        // Wait for a status line in contact, then kill.
        var line = ""
        while !line.contains("level 3") && !line.contains("level 4") && !line.contains("level 5") {
            guard let next = station.waitFor("force") else { break }
            line = next
        }
        kill(station.process.processIdentifier, SIGKILL)
        station.process.waitUntilExit()
        // robot-sim, told to stop, says how often its watchdog lifted the arm.
        robot.process.interrupt()
        let said = String(decoding: (robot.output.fileHandleForReading.readDataToEndOfFile()), as: UTF8.self)
        robot.process.waitUntilExit()
        // At least the hold after the kill (a loaded machine may have held the arm before too).
        let holds = said.range(of: #"(\d+) watchdog holds"#, options: .regularExpression).flatMap {
            Int(said[$0].prefix { $0.isNumber })
        }
        #expect((holds ?? 0) >= 1, "\(said)")
        let read = try SessionRecord.read(from: record)
        #expect(read.events.count > 10)
    }
}

/// The station's microphone: real crying from the provided recordings, piped in as a microphone
/// would send it. Read from `$UNKNOT_DATA` or `../shared/data`; skipped without them, failing
/// when UNKNOT_REQUIRE_DATA=1.
/// Real processes in real time (a 1 kHz loop on robot-sim's 20 ms watchdog): run alone by
/// `scripts/test` with the other timing checks (`UNKNOT_TIMING_CHECKS=1`); in the parallel run a
/// starved loop faults the arm and the check means nothing.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["UNKNOT_TIMING_CHECKS"] == "1"))
struct StationHearingCommandTests {
    func station(care: String, folder: URL) throws -> (
        StationCommandTests.Station, RobotSimCommandTests.RobotSim, String
    ) {
        let carePath = folder.appendingPathComponent("care.json").path
        try Data(care.utf8).write(to: URL(fileURLWithPath: carePath))
        let robot = try RobotSimCommandTests.RobotSim()
        let record = folder.appendingPathComponent("record.jsonl").path
        let station = try StationCommandTests.Station(
            robotPort: robot.port, record: record, care: carePath, extra: ["--microphone", "-"])
        return (station, robot, record)
    }

    @Test(
        "Real crying heard through --microphone follows the care plan's directive: paused, a tissue offered",
        .enabled(if: ProvidedRecordings.shouldRun))
    func cryingHeard() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("unknot-hearing-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (station, robot, record) = try station(
            care: #"{"schemaVersion":1,"stationMayListen":true,"ifICry":"pause-and-offer-tissue"}"#, folder: folder)
        _ = robot
        guard station.waitFor("working") != nil else {
            Issue.record("the station never started working: \(station.transcript)")
            return
        }
        let samples = try ProvidedRecordings.surelyCrying()
        let silence = [Int16](repeating: 0, count: 16_000)
        for part in [silence, samples, silence] {
            station.console.fileHandleForWriting.write(part.withUnsafeBytes { Data($0) })
        }
        #expect(station.waitFor("paused") != nil, "\(station.transcript)")
        station.process.terminate()
        station.process.waitUntilExit()
        let read = try SessionRecord.read(from: record)
        let heard = read.events.contains {
            if case .reaction(let reaction, true, _) = $0.event, reaction.kind == .crying,
                reaction.evidence.contains(.sound(.crying)) || reaction.evidence.contains(.sound(.sobbing))
            {
                return true
            }
            return false
        }
        #expect(heard)
        #expect(
            read.events.contains { if case .message(let m) = $0.event { m.text.contains("tissue") } else { false } })
    }

    @Test("Without the client's consent the microphone stays off, whatever it is given")
    func noConsentNoHearing() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("unknot-hearing-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (station, robot, _) = try station(care: #"{"schemaVersion":1}"#, folder: folder)
        _ = robot
        #expect(station.waitFor("the microphone stays off") != nil, "\(station.transcript)")
        station.process.terminate()
        station.process.waitUntilExit()
    }
}
