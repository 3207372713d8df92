import Foundation
import Logging
import Metrics
import Synchronization
import UnknotStudio
import UnknotStudioLink

/// The studio end of every station's link: which stations are connected to this server, what
/// each last reported, and the way to send each an order.
///
/// Guarantees: at most one link per station (a station that connects again replaces its old
/// link, which is closed); sending never waits on a station (each link's outbound queue keeps the
/// newest 256 frames, and a link that falls that far behind is closed, not waited on); nothing
/// here touches the database.
actor StationLinks {
    /// One station's open link.
    struct Link: Sendable {
        var id: UUID
        var station: StationCaller
        var hello: StationHello
        var connectedAt: Date
        var reports: LinkReports
        var outbound: AsyncStream<String>.Continuation
    }

    /// The newest report on a link, written by the link's reading loop as it arrives, without a
    /// hop onto this actor (ten a second from every station), read when the floor is drawn.
    final class LinkReports: Sendable {
        private let newest = Mutex<StationReport?>(nil)

        var last: StationReport? { newest.withLock { $0 } }

        func received(_ report: StationReport) { newest.withLock { $0 = report } }
    }

    /// What the staff floor shows of a station's link.
    struct State: Sendable, Hashable {
        var simulated: Bool
        var software: String
        var robot: String
        var robotModel: String?
        var lateness: [Int]?
        var report: StationReport?
    }

    static let outboundCapacity = 256

    private var links: [Int: Link] = [:]
    /// Each open link's station, by the link's id: a frame finds its link in constant time (a scan
    /// of every link for each of 500 stations' ten reports a second was the studio's whole load).
    private var stations: [UUID: Int] = [:]
    let logger: Logger

    init(logger: Logger) { self.logger = logger }

    /// A station said hello: its link is open, its frames go to `outbound` (which buffers the
    /// newest ``outboundCapacity``). Returns the link's id, and where its reading loop leaves the
    /// station's reports.
    func open(_ station: StationCaller, hello: StationHello, outbound continuation: AsyncStream<String>.Continuation)
        -> (UUID, LinkReports)
    {
        if let old = links[station.stationID] {
            logger.info(
                "a station connected again; its old link is closed", metadata: ["station": "\(station.stationID)"])
            old.outbound.finish()
            stations[old.id] = nil
        }
        let id = UUID()
        let reports = LinkReports()
        stations[id] = station.stationID
        links[station.stationID] = Link(
            id: id, station: station, hello: hello, connectedAt: Date(), reports: reports, outbound: continuation)
        Gauge(label: "unknot_station_links").record(links.count)
        logger.info(
            "station link open",
            metadata: [
                "station": "\(station.stationID)", "software": "\(hello.software)", "simulated": "\(hello.simulated)",
            ])
        return (id, reports)
    }

    /// The link closed (the station went, or was replaced).
    func close(link id: UUID) {
        guard let station = stations.removeValue(forKey: id), let link = links[station], link.id == id else { return }
        link.outbound.finish()
        links[station] = nil
        Gauge(label: "unknot_station_links").record(links.count)
        logger.info("station link closed", metadata: ["station": "\(station)"])
    }

    /// A credential was revoked: a link open with it closes at once.
    func close(credential: UUID) {
        for (_, link) in links where link.station.credentialID == credential { close(link: link.id) }
    }

    /// Sends `message` to station `id`; `false` when it is not connected here.
    @discardableResult
    func send(_ message: StudioMessage, to station: Int) -> Bool {
        guard let link = links[station] else { return false }
        if case .dropped = link.outbound.yield(StudioLinkProtocol.frame(message)) {
            logger.warning("a station fell behind its link; it is closed", metadata: ["station": "\(station)"])
            close(link: link.id)
            return false
        }
        return true
    }

    /// Station `id`'s link as the floor shows it.
    func state(of station: Int) -> State? {
        guard let link = links[station] else { return nil }
        let report = link.reports.last
        return State(
            simulated: link.hello.simulated, software: link.hello.software,
            robot: report?.robot ?? "absent", robotModel: link.hello.robot?.model,
            lateness: report?.latenessMicroseconds, report: report)
    }

}
