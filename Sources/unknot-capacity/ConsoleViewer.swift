import Foundation
import HummingbirdWSClient
import Logging

/// A client's browser with a session's console open through the studio: it counts the updates
/// it gets and presses a control when asked.
actor ConsoleViewer {
    let studio: String
    let session: String
    let cookie: String
    let recorder: LatencyRecorder
    private(set) var isOpen = false
    private var outgoing: AsyncStream<String>.Continuation?

    init(studio: String, session: String, cookie: String, recorder: LatencyRecorder) {
        self.studio = studio
        self.session = session
        self.cookie = cookie
        self.recorder = recorder
    }

    func run(logger: Logger) async {
        var configuration = WebSocketClientConfiguration()
        configuration.additionalHeaders = [.cookie: "unknot_session=\(cookie)"]
        let url = studio.replacingOccurrences(of: "http://", with: "ws://") + "/console/\(session)/live"
        let (stream, continuation) = AsyncStream.makeStream(of: String.self)
        outgoing = continuation
        let recorder = recorder
        _ = try? await WebSocketClient.connect(url: url, configuration: configuration, logger: logger) {
            inbound, outbound, _ in
            await self.opened()
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    for await text in stream { try await outbound.write(.text(text)) }
                }
                group.addTask {
                    for try await message in inbound.messages(maxSize: 1 << 20) {
                        if case .text(let text) = message, text.contains(#""type":"status""#) {
                            recorder.update()
                        }
                    }
                }
                try await group.next()
                group.cancelAll()
            }
        }
        isOpen = false
    }

    private func opened() { isOpen = true }

    /// Presses "Firmer" (the replay station only counts it).
    func press() async {
        guard isOpen, let outgoing else { return }
        await recorder.sent(session: session)
        outgoing.yield(#"{"control":"pressure-up"}"#)
    }
}
