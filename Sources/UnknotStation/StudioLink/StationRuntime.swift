import Foundation
import UnknotCore
import UnknotSession
import UnknotStudioLink

/// A station that takes its sessions from the studio over the studio link and runs them — step by
/// step (``SteppedStation``: a simulated arm and body, a demo station) or in their own 1 kHz loop
/// on an arm (``LoopStation``): it plans each assigned session itself, keeps its record on its own disk until the studio holds all of it, and
/// carries on whatever the link does.
///
/// Time is the station's own: ``advance(milliseconds:)`` runs a stepped session (a ``StationPace``
/// in service; tests call it directly) and takes what a loop did (``followInRealTime()``). Guarantees: one session at a time (another assignment is refused
/// with the reason); the link never holds the session up (messages wait in an outbox the link
/// empties); with the link down no console is relayed, so the session pauses as for a lost
/// console; a session interrupted by a crash is reported as such when the station starts again,
/// and its record delivered.
public actor StationRuntime<Station: RunningStation>: StudioLinkStation {
    /// Plans an assigned session on this station, or says why it cannot.
    public typealias Planner = @Sendable (SessionAssignment) throws -> Station

    public nonisolated let software: String
    public nonisolated let name: String
    private let plan: Planner
    private let speedUp: Int
    /// The arm the station drives, as it said in its handshake (for a station whose arm is known
    /// before any session).
    private let arm: RobotIdentity?
    private var shipper: RecordShipper
    var session: LinkedSession<Station>?
    var outbox: [StationMessage] = []
    private var link: StudioLinkState?
    /// What the studio calls this station (its welcome says), for the station's own console.
    var studioName: String?
    /// Consoles the studio relays (none while the link is down).
    var relayedConsoles = 0
    /// The station's own consoles (its tablet), each with its stream of frames.
    var localConsoles: [UUID: AsyncStream<String>.Continuation] = [:]
    /// What a local console that connects now is shown first, and the session it belongs to.
    var localHistory = ConsoleHistory()
    var localSession: UUID?
    /// Where in the outbox the last report waits, if it has not gone yet (a newer one replaces it).
    private var unsentReport: Int?

    /// - Parameters:
    ///   - directory: where the station keeps its records until the studio holds them.
    ///   - speedUp: station time per real time (the console's real-world grace times stretch by it).
    ///   - arm: the arm the station drives, when known before any session (its hello says so).
    public init(
        name: String, directory: URL, software: String, speedUp: Int = 1, arm: RobotIdentity? = nil,
        plan: @escaping Planner
    ) throws {
        self.name = name
        self.arm = arm
        self.software = software
        self.speedUp = max(1, speedUp)
        self.plan = plan
        shipper = try RecordShipper(directory: directory)
        outbox = shipper.interrupted.map { .ended(SessionEnded(session: $0, outcome: .interrupted)) }
    }

    /// The session running, if any.
    public var running: SessionAssignment? { session?.assignment }

    /// Where the link is (`nil` before the first attempt ended).
    public var linkState: StudioLinkState? { link }

    /// Messages waiting for the link to take them.
    public var waitingToGo: Int { outbox.count }

    /// Staff orders (stop, release, end) the station has taken from the studio since it started.
    public private(set) var ordersTaken = 0

    /// Records still on the station's disk.
    public var held: [HeldRecord] { shipper.heldRecords }

    /// Runs the station for `milliseconds` of its time.
    public func advance(milliseconds: Int) {
        guard var running = session else { return }
        let mark = outbox.count
        let done = running.advance(milliseconds: milliseconds, into: &outbox)
        tellLocalConsoles(from: mark)
        if running.takeStatusDue() { post(running.report) }
        if !done, running.station.hasStopped {
            running.stop()
            post(nil)
            shipper.interrupt(running.assignment.session)
            outbox.append(.ended(SessionEnded(session: running.assignment.session, outcome: .interrupted)))
            session = nil
            return
        }
        session = running
        guard done else { return }
        shipper.finish(running.assignment.session)
        outbox.append(.ended(SessionEnded(session: running.assignment.session, outcome: .finished)))
        session = nil
    }

    /// The session's state for the studio and the local consoles: a report not yet taken by the
    /// link is replaced, so a link down for a whole session holds one report, not thousands.
    func post(_ report: SessionReport?) {
        let message = StationMessage.report(StationReport(robot: "ready", session: report))
        if let index = unsentReport, index < outbox.count, case .report = outbox[index] {
            outbox[index] = message
        } else {
            unsentReport = outbox.count
            outbox.append(message)
        }
        if let report { tellLocalConsoles(report.console) }
    }

    /// The station is stopping: a running session pauses (the arm lifts) and its record is
    /// flushed; it is reported interrupted when the station starts again.
    public func shutDown() {
        session?.pauseForShutdown()
    }

    /// Takes what a session that runs itself did, every 10 ms of real time, until cancelled (a
    /// station on an arm; a stepped station is run by its ``StationPace`` instead).
    public func followInRealTime() async {
        let clock = ContinuousClock()
        var last = clock.now
        while !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(10))
            let now = clock.now
            let passed = now - last
            last = now
            advance(
                milliseconds: max(
                    1,
                    Int(passed.components.seconds * 1_000)
                        + Int(passed.components.attoseconds / 1_000_000_000_000_000)))
        }
    }

    // MARK: The studio link

    public func hello() async -> StationHello {
        StationHello(
            software: software, simulated: (session?.station.robotIdentity ?? arm)?.simulated ?? true,
            seed: session?.station.simulationSeed, robot: session?.station.robotIdentity ?? arm,
            running: session?.assignment,
            held: shipper.heldRecords)
    }

    public func report() async -> StationReport {
        StationReport(robot: "ready", session: session?.report)
    }

    public func takeOutgoing() async -> [StationMessage] {
        var out = outbox
        outbox.removeAll(keepingCapacity: true)
        unsentReport = nil
        if case .connected = link { out += shipper.chunks(limit: 8) }
        return out
    }

    public func received(_ message: StudioMessage) async {
        let mark = outbox.count
        defer { tellLocalConsoles(from: mark) }
        switch message {
        case .welcome(let welcome):
            shipper.welcomed(welcome.acknowledged)
        case .run(let assignment):
            start(assignment)
        case .control(let relayed) where relayed.session == session?.assignment.session:
            session?.take(relayed.control, into: &outbox)
        case .consoles(let presence) where presence.session == session?.assignment.session:
            relayedConsoles = presence.connected
            countConsoles()
        case .staff(let order) where order.session == nil || order.session == session?.assignment.session:
            ordersTaken += 1
            session?.take(order.command, into: &outbox)
        case .recordAck(let ack):
            shipper.acknowledged(ack)
        default:
            break
        }
    }

    public func linkChanged(_ state: StudioLinkState) async {
        link = state
        if case .connected(let welcome) = state, !welcome.stationName.isEmpty { studioName = welcome.stationName }
        // With the link down no relayed console reaches the session: it pauses after the console
        // grace unless the station's own console is there.
        if case .disconnected = state {
            relayedConsoles = 0
            countConsoles()
        }
    }

    private func start(_ assignment: SessionAssignment) {
        if let running = session {
            if running.assignment.session != assignment.session {
                outbox.append(
                    .refused(
                        SessionRefusal(
                            session: assignment.session,
                            reason: "\(name) is running another session (\(running.assignment.programID))")))
            }
            return
        }
        do {
            let station = try plan(assignment)
            try shipper.begin(assignment)
            let header = SessionRecordHeader(
                plan: station.plan, carePlan: station.carePlan,
                startedAt: Date().timeIntervalSince1970, client: "client", seed: station.simulationSeed,
                robot: station.robotIdentity)
            // A session on an arm is synced to the disk as it goes (a power cut loses at most the
            // last flush); a stepped one is handed to the system.
            let writer = try SessionRecordWriter(
                path: shipper.recordPath(assignment.session), header: header, syncToDisk: station.runsItself)
            var linked = LinkedSession(assignment: assignment, station: station, record: writer, speedUp: speedUp)
            _ = linked.advance(milliseconds: 0, into: &outbox)
            relayedConsoles = 0
            linked.consoles(localConsoles.count, into: &outbox)
            session = linked
            beginLocally(assignment)
            post(linked.report)
        } catch {
            outbox.append(.refused(SessionRefusal(session: assignment.session, reason: "\(error)")))
        }
    }
}
