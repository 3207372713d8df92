import Foundation
import HummingbirdWSClient
import Logging
import UnknotStudioLink

/// A light station for the load: it links with its credential, says hello, takes the session the
/// studio sends and reports a working session ten times a second, exactly as the link's frames go
/// (no engine behind it); it tells the recorder when a console's control reaches it. Its report is
/// encoded once per session (the studio decodes and relays it each time all the same), so the
/// load generator spends the machine's cores on the link, not on making reports.
actor ReplayStation {
    let studio: String
    let station: Int
    let token: String
    let recorder: LatencyRecorder
    private(set) var isWelcomed = false
    /// Links that closed under the load (the station linked again, as a real one does).
    private(set) var drops = 0
    private var assignment: SessionAssignment?
    private var session: UUID? { assignment?.session }
    /// The report's frame for the session it runs (or for none).
    private var frame: String?

    init(studio: String, station: Int, token: String, recorder: LatencyRecorder) {
        self.studio = studio
        self.station = station
        self.token = token
        self.recorder = recorder
    }

    func run(logger: Logger) async {
        var configuration = WebSocketClientConfiguration()
        configuration.maxFrameSize = StudioLinkProtocol.maximumFrameBytes
        configuration.additionalHeaders = [.authorization: "Bearer \(token)"]
        let url = studio.replacingOccurrences(of: "http://", with: "ws://") + StudioLinkProtocol.path
        while !Task.isCancelled {
            _ = try? await WebSocketClient.connect(url: url, configuration: configuration, logger: logger) {
                inbound, outbound, _ in
                // Like a real station, it says which session it runs: the studio takes it up again.
                let hello = StationMessage.hello(
                    StationHello(software: "unknot-capacity replay", simulated: true, running: await self.assignment))
                try await outbound.write(.text(StudioLinkProtocol.frame(hello)))
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        while !Task.isCancelled {
                            try await Task.sleep(for: .milliseconds(StudioLinkProtocol.reportIntervalMilliseconds))
                            try await outbound.write(.text(await self.reportFrame()))
                        }
                    }
                    group.addTask {
                        for try await message in inbound.messages(maxSize: StudioLinkProtocol.maximumFrameBytes) {
                            guard case .text(let text) = message,
                                let received = try? StudioLinkProtocol.read(StudioMessage.self, from: text)
                            else { continue }
                            await self.take(received)
                        }
                    }
                    try await group.next()
                    group.cancelAll()
                }
            }
            if isWelcomed { drops += 1 }
            isWelcomed = false
            try? await Task.sleep(for: .milliseconds(500))
        }
    }

    private func take(_ message: StudioMessage) async {
        switch message {
        case .welcome: isWelcomed = true
        case .run(let assignment):
            self.assignment = assignment
            frame = nil
        case .control(let control): await recorder.received(session: control.session.uuidString.lowercased())
        default: break
        }
    }

    private func reportFrame() -> String {
        if let frame { return frame }
        let made = StudioLinkProtocol.frame(StationMessage.report(report()))
        frame = made
        return made
    }

    private func report() -> StationReport {
        let time = 60_000
        guard let session else { return StationReport(robot: "ready") }
        let console = ConsoleStatus(
            time: time, state: "working", stateText: "working", planTime: time, remaining: 900_000 - time,
            phase: "warm-up", area: "left upper back", contact: true, x: 0.4, y: 0.3, face: "posterior", level: 4,
            heartRate: 66, breathing: 12, relaxation: 0.5, relaxationWords: "settling", checkIn: nil, finished: false,
            report: nil)
        return StationReport(
            robot: "ready", latenessMicroseconds: [20, 150, 600],
            session: SessionReport(session: session, console: console, stopped: false))
    }
}
