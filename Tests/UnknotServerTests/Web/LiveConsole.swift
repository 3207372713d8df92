import Foundation
import HTTPTypes
import HummingbirdTesting
import HummingbirdWSClient
import HummingbirdWSTesting
import Testing

/// The station's state as a console receives it.
struct ConsoleStatus: Sendable, Decodable {
    var time: Int
    var state: String
    var stateText: String
    var contact: Bool
    var level: Int
    var planTime: Int
    var report: String?
    var area: String?
    var stopped: Bool
    var canResume: Bool
    var heartRate: Int?
}

/// What a console received over its WebSocket, in order.
actor ConsoleFeed {
    private(set) var statuses: [ConsoleStatus] = []
    private(set) var messages: [String] = []

    private struct Envelope: Decodable {
        var type: String
        var text: String?
    }

    func add(_ text: String) {
        let data = Data(text.utf8)
        guard let envelope = try? JSONDecoder().decode(Envelope.self, from: data) else { return }
        switch envelope.type {
        case "status":
            if let status = try? JSONDecoder().decode(ConsoleStatus.self, from: data) { statuses.append(status) }
        case "message": if let text = envelope.text { messages.append(text) }
        default: break
        }
    }

    var lastStatus: ConsoleStatus? { statuses.last }
    /// Whether the studio closed the console.
    private(set) var isClosed = false

    func closed() { isClosed = true }
}

extension TestStudio {
    /// Advances the stations in steps of 100 ms until `condition` holds (or `limit` ms pass);
    /// returns whether it held.
    func advance(until condition: () async -> Bool, limit: Int = 60_000) async -> Bool {
        var passed = 0
        while passed < limit {
            if await condition() { return true }
            await pace.advance(milliseconds: 100)
            // Let the station's link and the console's socket deliver what the station said (the
            // station's time waits for them, however loaded the machine).
            await pace.delivered()
            try? await Task.sleep(for: .milliseconds(5))
            passed += 100
        }
        return await condition()
    }
}

extension TestClientProtocol {
    /// Opens a console on a live session, signed in with the pages' cookie; `body` gets the feed
    /// and a way to press controls.
    func console(
        _ session: String, token: String, origin: String? = nil,
        _ body:
            @escaping @Sendable (ConsoleFeed, @escaping @Sendable (String) async throws -> Void) async throws -> Void
    ) async throws {
        var configuration = WebSocketClientConfiguration()
        configuration.additionalHeaders = [.cookie: "unknot_session=\(token)"]
        if let origin { configuration.additionalHeaders[.origin] = origin }
        try await ws("/console/\(session)/live", configuration: configuration) { inbound, outbound, _ in
            let feed = ConsoleFeed()
            // The reader is a child task, stopped and awaited before the handler returns: the
            // client's close handshake reads the same inbound stream afterwards.
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    for try await message in inbound.messages(maxSize: 1 << 20) {
                        if case .text(let text) = message { await feed.add(text) }
                    }
                    await feed.closed()
                }
                try await body(feed) { control in try await outbound.write(.text("{\"control\":\"\(control)\"}")) }
                group.cancelAll()
                do { try await group.waitForAll() } catch is CancellationError {}
            }
        }
    }
}

extension TestClientProtocol {
    /// Whether `condition` holds within `seconds` (what a station reported reaches the studio over
    /// its link a few milliseconds later): a bound, not a timing check.
    func eventually(within seconds: Int = 5, _ condition: (Self) async throws -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
            if try await condition(self) { return true }
            try await Task.sleep(for: .milliseconds(10))
        }
        return try await condition(self)
    }
}
