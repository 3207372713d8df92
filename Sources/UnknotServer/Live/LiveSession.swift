import Foundation
import UnknotCore
import UnknotStudioLink

/// One session running on a station, as the studio relays it: the station runs it (its engine,
/// its arm, its record) and reports over its link; the studio passes the reports to the client's
/// consoles and the staff floor, and the consoles' controls to the station.
///
/// Guarantees: a console's controls reach the station only while it is subscribed; the station
/// always knows how many consoles are connected (it pauses the session when none is, see
/// `LinkedSession`); subscribers that read too slowly lose old updates, never block anything.
actor LiveSession {
    nonisolated let info: LiveSessionInfo
    private let links: StationLinks
    private var history = ConsoleHistory()
    private var last: SessionReport?
    private var subscribers: [UUID: (audience: Audience, continuation: AsyncStream<String>.Continuation)] = [:]
    private(set) var finished = false
    private(set) var reportPath: String?

    enum Audience: Sendable { case console, staff }

    init(info: LiveSessionInfo, links: StationLinks) {
        self.info = info
        self.links = links
    }

    // MARK: From consoles

    /// A control from a client's console.
    func take(_ control: ClientControl, from console: UUID) async {
        guard subscribers[console] != nil, !finished else { return }
        await links.send(.control(SessionControl(session: info.id, control: control)), to: info.stationID)
    }

    /// A console or a dashboard listens. The stream starts with everything it needs to draw the
    /// session as it is now.
    func subscribe(_ audience: Audience) async -> (UUID, AsyncStream<String>) {
        let id = UUID()
        let (stream, continuation) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .bufferingNewest(64))
        subscribers[id] = (audience, continuation)
        if audience == .console {
            for frame in history.frames(status: status()) { continuation.yield(frame) }
            await tellConsoles()
        }
        return (id, stream)
    }

    func unsubscribe(_ id: UUID) async {
        guard let gone = subscribers.removeValue(forKey: id) else { return }
        gone.continuation.finish()
        if gone.audience == .console { await tellConsoles() }
    }

    /// Tells the station how many consoles it has (again after its link opens).
    func tellConsoles() async {
        guard !finished else { return }
        let count = subscribers.values.count { $0.audience == .console }
        await links.send(.consoles(ConsolePresence(session: info.id, connected: count)), to: info.stationID)
    }

    // MARK: From the station

    func update(_ report: SessionReport) {
        guard !finished else { return }
        last = report
        // Encoded only for someone to send it to (the station's own console may be the only one).
        guard subscribers.values.contains(where: { $0.audience == .console }), let status = status() else { return }
        broadcast(ConsoleHistory.json(status), to: .console)
    }

    func said(_ message: ConsoleSaid) {
        history.said(message)
        broadcast(ConsoleHistory.json(message), to: .console)
    }

    func pressure(_ pressure: ConsolePressure) {
        guard history.pressed(pressure) else { return }
        broadcast(ConsoleHistory.json(pressure), to: .console)
    }

    /// The session is over on the station (its record follows).
    func ended() {
        guard !finished else { return }
        finished = true
        if let status = status() { broadcast(ConsoleHistory.json(status), to: .console) }
    }

    /// The station could not run the session.
    func refused(_ reason: String) {
        said(ConsoleSaid(t: last?.console.time ?? 0, text: "The station could not start the session: \(reason)."))
        ended()
    }

    /// The report is ready: consoles are told where, and let go.
    func reportReady(at path: String) {
        reportPath = path
        if let status = status() { broadcast(ConsoleHistory.json(status), to: .console) }
        for (_, subscriber) in subscribers { subscriber.continuation.finish() }
        subscribers.removeAll()
    }

    // MARK: Reading

    /// The station's state as its consoles show it (none before its first report).
    func status() -> ConsoleStatus? {
        guard var status = last?.console else { return nil }
        status.finished = status.finished || finished
        status.report = reportPath
        return status
    }

    /// The session as the staff floor shows it.
    func dashboardState() -> LiveUpdate.StationState.SessionState {
        let s = last?.console
        return .init(
            id: info.id.uuidString, client: info.clientName, program: "\(info.programName), \(info.minutes) min",
            state: s?.state ?? "starting", stateText: s?.stateText ?? "starting", remaining: s?.remaining ?? 0,
            area: s?.area, level: s?.level ?? 0,
            heartRate: info.staffMayBeAlerted ? s?.heartRate : nil, stopped: last?.stopped ?? false,
            demo: info.isDemo, booking: info.bookingID?.uuidString.lowercased())
    }

    private func broadcast(_ text: String, to audience: Audience) {
        for (_, subscriber) in subscribers where subscriber.audience == audience {
            subscriber.continuation.yield(text)
        }
    }
}
