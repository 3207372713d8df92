import Foundation
import HTTPTypes
import HummingbirdWSClient
import Logging
import UnknotStudioLink

/// The station's end of the studio link: one WebSocket to the studio, opened with the station's
/// credential, kept open for as long as the station runs.
///
/// Guarantees: the massage never waits on it (it runs on its own tasks and only talks to the
/// station through ``StudioLinkStation``); after a drop it connects again, first after
/// ``firstRetry`` and then doubling up to ``lastRetry``; a refused credential is retried too (an
/// admin may issue a new one), but said once in the log, not on every attempt; a frame it cannot
/// read closes the link with the reason, never the station.
public struct StudioLinkClient: Sendable {
    public static let firstRetry = Duration.milliseconds(250)
    public static let lastRetry = Duration.seconds(5)
    /// How often the outbox is emptied onto the link.
    static let outboxInterval = Duration.milliseconds(10)

    /// The studio's link address: `ws://host:port/api/stations/link` (the path is added when it is
    /// missing).
    public let url: String
    public let token: String
    public let logger: Logger

    public init(studio: String, token: String, logger: Logger) {
        var url = studio
        if url.hasPrefix("http://") { url = "ws://" + url.dropFirst("http://".count) }
        if url.hasPrefix("https://") { url = "wss://" + url.dropFirst("https://".count) }
        while url.hasSuffix("/") { url.removeLast() }
        if !url.hasSuffix(StudioLinkProtocol.path) { url += StudioLinkProtocol.path }
        self.url = url
        self.token = token
        self.logger = logger
    }

    /// Keeps the link open until the task is cancelled.
    public func run(_ station: some StudioLinkStation) async {
        var wait = Self.firstRetry
        var lastReason = ""
        var everLinked = false
        var failures = 0
        while !Task.isCancelled {
            let reason: String
            do {
                let welcomed = try await connectOnce(station)
                reason = "the studio closed the link"
                if welcomed {
                    wait = Self.firstRetry
                    everLinked = true
                    failures = 0
                }
            } catch is CancellationError {
                // The station stops its link: it must know no studio console reaches it any more.
                await station.linkChanged(.disconnected("the station closed its link"))
                break
            } catch {
                reason = "\(error)"
            }
            await station.linkChanged(.disconnected(reason))
            failures += 1
            // A studio still starting is not worth a warning; a link that was up, or stays down, is.
            if reason != lastReason, everLinked || failures >= 3 {
                logger.warning("the studio link is down; the station carries on", metadata: ["reason": "\(reason)"])
                lastReason = reason
            }
            try? await Task.sleep(for: wait)
            wait = min(wait * 2, Self.lastRetry)
        }
    }

    /// One link, from connecting to its close. Returns whether the studio welcomed the station.
    func connectOnce(_ station: some StudioLinkStation) async throws -> Bool {
        var configuration = WebSocketClientConfiguration()
        configuration.maxFrameSize = StudioLinkProtocol.maximumFrameBytes
        configuration.additionalHeaders = [.authorization: "Bearer \(token)"]
        configuration.autoPing = .enabled(timePeriod: .seconds(2))
        let welcomed = LinkGreeting()
        let logger = logger
        try await WebSocketClient.connect(url: url, configuration: configuration, logger: logger) {
            inbound, outbound, _ in
            try await outbound.write(.text(StudioLinkProtocol.frame(StationMessage.hello(await station.hello()))))
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    var sinceReport = Duration.zero
                    while !Task.isCancelled {
                        try await Task.sleep(for: Self.outboxInterval)
                        guard welcomed.isDone else { continue }
                        for message in await station.takeOutgoing() {
                            // A report the station sent itself counts as this period's.
                            if case .report = message { sinceReport = .zero }
                            try await outbound.write(.text(StudioLinkProtocol.frame(message)))
                        }
                        sinceReport += Self.outboxInterval
                        if sinceReport >= .milliseconds(StudioLinkProtocol.reportIntervalMilliseconds) {
                            sinceReport = .zero
                            let report = StationMessage.report(await station.report())
                            try await outbound.write(.text(StudioLinkProtocol.frame(report)))
                        }
                    }
                }
                group.addTask {
                    for try await message in inbound.messages(maxSize: StudioLinkProtocol.maximumFrameBytes) {
                        guard case .text(let text) = message else { continue }
                        let received: StudioMessage
                        do {
                            received = try StudioLinkProtocol.read(StudioMessage.self, from: text)
                        } catch {
                            logger.warning(
                                "the studio sent a frame the station cannot read", metadata: ["error": "\(error)"])
                            try await outbound.close(.unacceptableData, reason: String("\(error)".prefix(120)))
                            return
                        }
                        if case .welcome(let welcome) = received {
                            welcomed.done()
                            await station.linkChanged(.connected(welcome))
                            logger.info(
                                "the studio link is open",
                                metadata: ["station": "\(welcome.station)", "name": "\(welcome.stationName)"])
                        }
                        await station.received(received)
                    }
                }
                try await group.next()
                group.cancelAll()
            }
        }
        return welcomed.isDone
    }
}
