import Foundation
import Testing
import UnknotCore
import UnknotSession

/// `unknot station` as its own process, on `unknot robot-sim` over loopback.
@Suite struct StationCommandTests {
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

        init(robotPort: UInt16, record: String, care: String) throws {
            process.executableURL = CommandLineTests.binary
            process.arguments = [
                "station", "--robot", "udp://127.0.0.1:\(robotPort)", "--program", "total-back", "--minutes", "30",
                "--care-plan", care, "--record", record,
            ]
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
        #expect(said.contains("1 watchdog holds"), "\(said)")
        let read = try SessionRecord.read(from: record)
        #expect(read.events.count > 10)
    }
}
