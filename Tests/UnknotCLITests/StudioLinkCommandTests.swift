import Foundation
import HummingbirdWSClient
import Logging
import Synchronization
import Testing

/// The studio and a station as separate processes over loopback: `unknot serve
/// --no-demo-stations` and `unknot station --simulated` linked to it with a credential an admin
/// issued. Real processes in real time (a station at 60 times real time takes a core): run alone by
/// `scripts/test` (`UNKNOT_TIMING_CHECKS=1`), so the real-time station tests of the main run keep
/// their cores.
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["UNKNOT_TIMING_CHECKS"] == "1"))
struct StudioLinkCommandTests {
    let folder: URL

    init() throws {
        signal(SIGPIPE, SIG_IGN)
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("unknot-studio-link-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// A console on a live session: what it was sent, and a way to press controls.
    final class Console: Sendable {
        /// What the console was sent: the states, and the report's address once there is one.
        final class Heard: Sendable {
            let states = Mutex<[String]>([])
            let reports = Mutex<[String]>([])
        }
        let heard = Heard()
        let outgoing: AsyncStream<String>.Continuation
        let task: Task<Void, any Error>

        init(studio: StudioProcess, session: String, cookie: String) {
            let (stream, continuation) = AsyncStream.makeStream(of: String.self)
            outgoing = continuation
            let heard = heard
            let url = "ws://127.0.0.1:\(studio.port)/console/\(session)/live"
            var configuration = WebSocketClientConfiguration()
            configuration.additionalHeaders = [.cookie: "unknot_session=\(cookie)"]
            var logger = Logger(label: "console")
            logger.logLevel = .critical
            task = Task { [configuration, logger] in
                try await WebSocketClient.connect(
                    url: url, configuration: configuration,
                    logger: logger
                ) { inbound, outbound, _ in
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        group.addTask {
                            for await text in stream { try await outbound.write(.text(text)) }
                        }
                        group.addTask {
                            for try await message in inbound.messages(maxSize: 1 << 20) {
                                guard case .text(let text) = message,
                                    let json = (try? JSONSerialization.jsonObject(with: Data(text.utf8)))
                                        as? [String: Any], json["type"] as? String == "status"
                                else { continue }
                                if let state = json["state"] as? String { heard.states.withLock { $0.append(state) } }
                                if let report = json["report"] as? String {
                                    heard.reports.withLock { $0.append(report) }
                                }
                            }
                        }
                        try await group.next()
                        group.cancelAll()
                    }
                }
            }
        }

        func press(_ control: String) { outgoing.yield("{\"control\":\"\(control)\"}") }

        /// Whether `condition` holds within `seconds` (a bound on real processes, not a timing check).
        func eventually(within seconds: Int, _ condition: () -> Bool) async -> Bool {
            let deadline = ContinuousClock.now + .seconds(seconds)
            while ContinuousClock.now < deadline {
                if condition() { return true }
                try? await Task.sleep(for: .milliseconds(20))
            }
            return condition()
        }

        var lastState: String? { heard.states.withLock { $0.last } }
    }

    @Test(
        "the studio killed mid-session: the station pauses, links again, the client resumes; the record is stored whole"
    )
    func studioKilled() async throws {
        let port = 20_000 + Int.random(in: 0..<20_000)
        let database = folder.appendingPathComponent("studio.sqlite").path
        let linked = try await StudioProcess.withStationCredential(in: folder, port: port)
        var studio = linked.studio
        let token = linked.token
        defer { studio.stop() }
        let client = try await studio.signIn("client@unknot.local")

        let stationFolder = folder.appendingPathComponent("station")
        let station = Process()
        station.executableURL = CommandLineTests.binary
        station.arguments = [
            "station", "--simulated", "--studio", studio.url, "--station", "1", "--token", token,
            "--station-directory", stationFolder.path, "--station-speed", "60x", "--quiet",
        ]
        station.standardOutput = FileHandle.nullDevice
        station.standardError = FileHandle.nullDevice
        try station.run()
        defer { kill(station.processIdentifier, SIGKILL) }

        let (booking, session) = try await studio.bookAndStart(client: client, station: 1)
        var console = Console(studio: studio, session: session, cookie: client)
        #expect(await console.eventually(within: 30) { console.lastState == "working" })

        // The studio dies mid-session; its consoles with it. The station carries on safely: with no
        // console, it pauses (the arm lifted) and keeps its record.
        studio.stop()
        console.task.cancel()
        try await Task.sleep(for: .seconds(2))
        studio = try StudioProcess(port: port, database: database, extra: ["--no-demo-stations"])
        #expect(try await studio.waitUntilHealthy())
        // The station links again and the studio takes its session up: the client's console rejoins.
        var rejoined = false
        for _ in 0..<60 where !rejoined {
            console = Console(studio: studio, session: session, cookie: client)
            rejoined = await console.eventually(within: 1) { console.lastState != nil }
        }
        #expect(rejoined, "the console could not rejoin the running session")
        #expect(console.lastState == "paused", "nothing resumed by itself")
        console.press("resume")
        #expect(await console.eventually(within: 20) { console.lastState == "working" })
        // The session finishes; the studio stores the station's record and says where the report is.
        let reported = await console.eventually(within: 120) { !console.heard.reports.withLock { $0.isEmpty } }
        #expect(reported)
        #expect(console.heard.reports.withLock { $0.last } == "/sessions/\(booking)/report")
        let view = try await studio.call("GET", "/api/bookings/\(booking)", token: client)
        #expect(view.json["status"] as? String == "completed")
        let file = try await studio.call("GET", "/api/bookings/\(booking)/record.jsonl", token: client)
        let lines = String(decoding: file.data, as: UTF8.self).split(separator: "\n")
        let header = (try? JSONSerialization.jsonObject(with: Data((lines.first ?? "").utf8))) as? [String: Any]
        let robot = (header?["header"] as? [String: Any] ?? header)?["robot"] as? [String: Any]
        #expect(robot?["simulated"] as? Bool == true, "the record says the station was simulated")
        #expect(lines.last?.contains("summary") == true, "the record is whole, with its summary")
        // Delivered whole: the station let its copy go.
        let left = try FileManager.default.contentsOfDirectory(
            atPath: stationFolder.appendingPathComponent("station-1").path)
        #expect(!left.contains { $0.hasSuffix(".jsonl") }, "\(left)")
        console.task.cancel()
        kill(station.processIdentifier, SIGTERM)
        station.waitUntilExit()
    }
}
