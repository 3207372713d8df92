import Foundation
import Testing
import UnknotCore
import UnknotRobotLink
import UnknotSession
import UnknotStation
import UnknotTesting

#if canImport(Glibc)
    import Glibc
#endif

/// A station on an arm, as its own process, with its microphone and a body-sensor hub on UDP,
/// taking a booked session from its studio (issue #15): the client's care plan lets the station
/// listen, so real crying sent as a microphone sends it is heard and answered as the plan asks,
/// and the hub's beats reach the engine's heart watch; the record the studio holds says so. Real
/// processes in real time: run alone with the other timing checks (`UNKNOT_TIMING_CHECKS=1`).
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["UNKNOT_TIMING_CHECKS"] == "1"))
struct ArmStationInputsTests {
    /// Sends datagrams to a port of loopback, as a microphone or a sensor hub would.
    struct Sender {
        let socket: DatagramSocket
        let peer: DatagramSocket.Endpoint

        init(to port: UInt16) throws {
            socket = try DatagramSocket(bindingTo: try DatagramSocket.Endpoint(host: "127.0.0.1", port: 0))
            peer = try DatagramSocket.Endpoint(host: "127.0.0.1", port: port)
        }

        func send(_ bytes: [UInt8]) { _ = bytes.withUnsafeBytes { socket.send($0, to: peer) } }
        func send(samples: ArraySlice<Int16>) { _ = Array(samples).withUnsafeBytes { socket.send($0, to: peer) } }
    }

    /// The port a station's output line ending in `udp port N` names.
    static func port(in line: String?) -> UInt16? { line?.split(separator: " ").last.flatMap { UInt16($0) } }

    @Test(
        "a studio session on an arm hears the client's tears through the microphone and the hub's beats",
        .enabled(if: ProvidedRecordings.shouldRun))
    func microphoneAndSensors() async throws {
        signal(SIGPIPE, SIG_IGN)
        let crying = try ProvidedRecordings.surelyCrying()
        let folder = try StudioProcess.temporaryFolder("unknot-arm-inputs")
        defer { try? FileManager.default.removeItem(at: folder) }
        let (studio, _, token) = try await StudioProcess.withStationCredential(in: folder)
        defer { studio.stop() }
        let client = try await studio.signIn("client@unknot.local")
        let care = try await studio.call(
            "PUT", "/api/me/care-plan", token: client,
            json: ["schemaVersion": 1, "stationMayListen": true, "ifICry": "pause-and-offer-tissue"])
        #expect(care.status == 201, "\(String(decoding: care.data, as: UTF8.self))")

        let robot = try RobotSimCommandTests.RobotSim()
        let station = try StationCommandTests.Station(arguments: [
            "station", "--robot", "udp://127.0.0.1:\(robot.port)", "--studio", studio.url, "--station", "1",
            "--token", token, "--station-directory", folder.appendingPathComponent("station").path, "--quiet",
            "--body-sensors", "udp://127.0.0.1:0", "--microphone", "udp://127.0.0.1:0",
        ])
        defer { kill(station.process.processIdentifier, SIGKILL) }
        let hubPort = try #require(
            Self.port(in: station.waitFor("body sensors send to udp port")), "\(station.transcript)")
        let micPort = try #require(
            Self.port(in: station.waitFor("microphone listens on udp port")), "\(station.transcript)")

        let started: (booking: String, session: String, console: StudioLinkCommandTests.Console)
        do {
            started = try await studio.startWorking(client: client)
        } catch {
            // What the station and its arm said, for a failure seen once in a full timing run
            // (the session faulted at once) and not reproduced alone.
            Issue.record("\(error)\nthe station said:\n\(station.transcript)")
            throw error
        }
        let (booking, _, console) = started
        defer { console.task.cancel() }

        // The hub: forty beats 1 s apart (60 bpm), sent quickly.
        let hub = try Sender(to: hubPort)
        for beat in 1...40 {
            hub.send(BodySensorWire.encode(.beat(rrMilliseconds: 1_000, at: beat * 1_000)))
            try await Task.sleep(for: .milliseconds(5))
        }
        // The microphone: a second of silence, the crying, a second of silence, 100 ms a datagram,
        // in real time.
        let microphone = try Sender(to: micPort)
        let silence = [Int16](repeating: 0, count: 16_000)
        let audio = silence + crying + silence
        for start in stride(from: 0, to: audio.count, by: 1_600) {
            microphone.send(samples: audio[start..<min(audio.count, start + 1_600)])
            try await Task.sleep(for: .milliseconds(100))
            if console.lastState == "paused" { break }
        }
        #expect(
            await console.eventually(within: 10) { console.lastState == "paused" },
            "the crying was not answered: \(console.heard.states.withLock { $0 }.suffix(5))")

        // The client ends the session; the studio holds the record.
        console.press("end")
        #expect(await console.eventually(within: 60) { !console.heard.reports.withLock { $0.isEmpty } })
        var stored = Data()
        for _ in 0..<100 where stored.isEmpty {
            let reply = try await studio.call("GET", "/api/bookings/\(booking)/record.jsonl", token: client)
            if reply.status == 200 { stored = reply.data } else { try await Task.sleep(for: .milliseconds(100)) }
        }
        let file = folder.appendingPathComponent("stored.jsonl")
        try stored.write(to: file)
        let record = try SessionRecord.read(from: file.path)
        let heard = record.events.contains {
            if case .reaction(let reaction, true, _) = $0.event, reaction.kind == .crying,
                reaction.evidence.contains(.sound(.crying)) || reaction.evidence.contains(.sound(.sobbing))
            {
                return true
            }
            return false
        }
        #expect(heard, "no crying heard and acted on in the studio's record")
        #expect(
            record.events.contains { if case .message(let m) = $0.event { m.text.contains("tissue") } else { false } })
        let rates = record.telemetry.map(\.1.heartRate).filter { $0 > 0 }
        #expect(rates.contains { abs($0 - 60) < 3 }, "the hub's 60 bpm never reached the engine: \(rates.suffix(3))")
        kill(station.process.processIdentifier, SIGTERM)
        station.process.waitUntilExit()
    }
}
