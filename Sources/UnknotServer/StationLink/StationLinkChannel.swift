import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdWebSocket
import Logging
import UnknotStudio
import UnknotStudioLink

/// The WebSocket a station opens to its studio (``StudioLinkProtocol/path``), signed in with its
/// credential (`Authorization: Bearer ust_…`, issued by an admin): the station says hello, the
/// studio welcomes it, then reports flow in and orders flow out until either end closes.
///
/// Guarantees: no upgrade without a valid, unrevoked credential, nor from a browser page (a
/// request with a web page's `Origin`); a station that says nothing readable within
/// ``helloSeconds`` is closed; a frame that cannot be read is answered by closing the link with
/// the reason, never by a crash; the reading loop never waits on the database.
struct StationLinkChannel: Sendable {
    static let helloSeconds = 5

    let studio: Studio
    let links: StationLinks
    let floor: LiveFloor
    let logger: Logger

    func addRoutes(to router: Router<BasicWebSocketRequestContext>) {
        router.ws(RouterPath(StudioLinkProtocol.path)) { request, _ in
            guard !Self.fromPage(request), let token = Self.token(of: request),
                (try? await studio.station(token: token)) != nil
            else { return .dontUpgrade }
            return .upgrade()
        } onUpgrade: { inbound, outbound, context in
            guard let token = Self.token(of: context.request),
                let station = try? await studio.station(token: token)
            else {
                try await outbound.close(.policyViolation, reason: "the credential was revoked")
                return
            }
            try await run(station, inbound: inbound, outbound: outbound)
        }
    }

    private func run(_ station: StationCaller, inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter)
        async throws
    {
        let (frames, continuation) = AsyncStream.makeStream(
            of: String.self, bufferingPolicy: .bufferingNewest(StationLinks.outboundCapacity))
        let greeted = LinkGreeting()
        let deadline = Task {
            try await Task.sleep(for: .seconds(Self.helloSeconds))
            guard !greeted.isDone else { return }
            try await outbound.close(
                .policyViolation, reason: "a station says hello first, within \(Self.helloSeconds) s")
        }
        defer { deadline.cancel() }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for await frame in frames { try await outbound.write(.text(frame)) }
                // The studio closed this link (replaced, revoked, or fell behind).
                try await outbound.close(.normalClosure, reason: nil)
            }
            group.addTask {
                var link: (id: UUID, reports: StationLinks.LinkReports)?
                defer { if let link { Task { await links.close(link: link.id) } } }
                for try await message in inbound.messages(maxSize: StudioLinkProtocol.maximumFrameBytes) {
                    guard case .text(let text) = message else { continue }
                    do {
                        let received = try StudioLinkProtocol.read(StationMessage.self, from: text)
                        if let link, case .report(let report) = received {
                            // Ten a second from every station: straight to its session's consoles;
                            // the floor hears it only when it waits for one (an order, a dashboard).
                            link.reports.received(report)
                            if let state = report.session, let live = floor.relay(state.session, on: station.stationID)
                            {
                                await live.update(state)
                            }
                            if floor.wantsReports.load(ordering: .relaxed) {
                                await floor.reported(report, from: station.stationID)
                            }
                        } else if link != nil {
                            await floor.received(received, from: station.stationID)
                        } else {
                            link = try await greet(station, received, continuation: continuation)
                            greeted.done()
                        }
                    } catch {
                        logger.warning(
                            "a station sent a frame that cannot be read; its link is closed",
                            metadata: ["station": "\(station.stationID)", "error": "\(error)"])
                        try await outbound.close(.unacceptableData, reason: String("\(error)".prefix(120)))
                        return
                    }
                }
            }
            try await group.next()
            group.cancelAll()
        }
    }

    /// The first frame: the station's hello, in a version this studio speaks. Opens the link and
    /// welcomes the station.
    private func greet(
        _ station: StationCaller, _ first: StationMessage, continuation: AsyncStream<String>.Continuation
    ) async throws(StudioLinkError) -> (id: UUID, reports: StationLinks.LinkReports) {
        guard case .hello(let hello) = first else {
            throw StudioLinkError(field: "type", "a station's first frame is its hello")
        }
        guard hello.protocolVersion == StudioLinkProtocol.version else {
            throw StudioLinkError(
                field: "protocolVersion",
                "this studio speaks studio link version \(StudioLinkProtocol.version), not \(hello.protocolVersion)")
        }
        let (id, reports) = await links.open(station, hello: hello, outbound: continuation)
        let acknowledged = await floor.linked(station: station.stationID, hello: hello)
        let welcome = StudioWelcome(
            station: station.stationID, stationName: station.stationName, acknowledged: acknowledged)
        continuation.yield(StudioLinkProtocol.frame(StudioMessage.welcome(welcome)))
        return (id, reports)
    }

    /// Whether a browser page sent the request (its `Origin` is a web page's, or `null`): stations
    /// are programs, whose WebSocket clients name `ws://` origins or none.
    static func fromPage(_ request: Request) -> Bool {
        request.headers[values: .origin].contains { origin in
            let origin = origin.trimmingCharacters(in: .whitespaces).lowercased()
            return origin == "null" || origin.hasPrefix("http://") || origin.hasPrefix("https://")
        }
    }

    /// The bearer token of a request.
    static func token(of request: Request) -> String? {
        guard let value = request.headers[.authorization], value.hasPrefix("Bearer ") else { return nil }
        return String(value.dropFirst("Bearer ".count))
    }
}
