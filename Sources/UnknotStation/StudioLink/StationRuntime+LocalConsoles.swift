import Foundation
import UnknotConsole
import UnknotCore
import UnknotSession
import UnknotStudioLink

/// The station's own console (the tablet under the face cradle): it reaches the session on the
/// station directly, so it works with the studio unreachable. It counts as a console like the
/// ones the studio relays: the session pauses only when neither is there.
extension StationRuntime {
    /// A console opens: its id, and its frames (starting with what it needs to draw the session as
    /// it is now). Frames a slow console has not read are dropped, oldest first; nothing waits on it.
    public func openLocalConsole() -> (UUID, AsyncStream<String>) {
        let id = UUID()
        let (stream, continuation) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .bufferingNewest(64))
        continuation.yield(ConsoleHistory.json(SessionAnnouncement(id: localSession?.uuidString.lowercased() ?? "")))
        for frame in localHistory.frames(status: localHistory.status) { continuation.yield(frame) }
        localConsoles[id] = continuation
        countConsoles()
        return (id, stream)
    }

    /// The console went away (closed, or its socket died).
    public func closeLocalConsole(_ id: UUID) {
        guard let gone = localConsoles.removeValue(forKey: id) else { return }
        gone.finish()
        countConsoles()
    }

    /// A frame from a local console: a control exactly as the studio relays them (anything else
    /// is ignored).
    public func localControl(_ text: String, from id: UUID) {
        guard localConsoles[id] != nil,
            let control = try? JSONDecoder().decode(ClientControl.self, from: Data(text.utf8))
        else { return }
        let mark = outbox.count
        session?.take(control, into: &outbox)
        tellLocalConsoles(from: mark)
        if let report = session?.report { post(report) }
    }

    /// What the console page's header says of the running session (`nil` while none runs).
    public var localHeading: (heading: ConsolePage.Heading, session: UUID)? {
        guard let session else { return nil }
        let plan = session.station.plan
        let notes = session.station.robotIdentity.simulated ? ["a simulated station"] : []
        return (
            .init(program: plan.programName, minutes: plan.minutes, station: studioName ?? name, notes: notes),
            session.assignment.session
        )
    }

    /// How many local consoles are connected.
    public var localConsoleCount: Int { localConsoles.count }

    // MARK: Inside the runtime

    /// The session learns how many consoles it has: the studio's and the station's own.
    func countConsoles() {
        let mark = outbox.count
        session?.consoles(relayedConsoles + localConsoles.count, into: &outbox)
        tellLocalConsoles(from: mark)
    }

    /// A new session begins: local consoles are told (their page reloads for it).
    func beginLocally(_ assignment: SessionAssignment) {
        localSession = assignment.session
        localHistory = ConsoleHistory()
        broadcast(ConsoleHistory.json(SessionAnnouncement(id: assignment.session.uuidString.lowercased())))
    }

    /// What the session said since `mark` in the outbox goes to the local consoles too.
    func tellLocalConsoles(from mark: Int) {
        guard mark < outbox.count else { return }
        for message in outbox[mark...] {
            switch message {
            case .say(let said):
                localHistory.said(said.message)
                broadcast(ConsoleHistory.json(said.message))
            case .pressure(let pressure):
                if localHistory.pressed(pressure.pressure) { broadcast(ConsoleHistory.json(pressure.pressure)) }
            default:
                break
            }
        }
    }

    /// The session's status, to the local consoles.
    func tellLocalConsoles(_ status: ConsoleStatus) {
        localHistory.status = status
        guard !localConsoles.isEmpty else { return }
        broadcast(ConsoleHistory.json(status))
    }

    private func broadcast(_ frame: String) {
        for continuation in localConsoles.values { continuation.yield(frame) }
    }
}

/// Tells a station's own console which session the station runs (the page reloads for a new one).
struct SessionAnnouncement: Encodable {
    var type = "session"
    var id: String
}
