import Foundation
import Logging
import Metrics
import Synchronization
import UnknotCore
import UnknotPlanning
import UnknotSession
import UnknotStudio
import UnknotStudioLink

/// The studio's floor: every station's live session, started from a booking or as a demo and run
/// by the station itself over its link, and what the staff dashboard shows.
///
/// Guarantees: at most one live session per station; a session starts only on a station linked
/// to the studio; a booked session starts only through the studio's rules (its client or staff,
/// within its time); a demo only on a station free for the demo's whole length; a finished
/// session's record, delivered by its station, is stored with its booking (a demo's is kept in
/// memory only, for its report); staff see a client's reactions only when the client allowed it;
/// nothing here sits on a station's path (the station runs its session whatever the studio does).
actor LiveFloor {
    static let keptDemos = 50
    static let keptAlerts = 50
    /// The stations' own account in the studio: it stores the records it wrote.
    static let stationCaller = Caller(
        accountID: UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1)), role: .staff, name: "station")

    let studio: Studio
    let catalog: ProgramCatalog
    let logger: Logger
    /// The stations' links to this studio.
    let links: StationLinks
    /// Records arriving from the stations.
    let inbox: RecordInbox
    var running: [Int: LiveSession] = [:]
    var byID: [UUID: LiveSession] = [:] { didSet { relays.withLock { $0 = byID } } }
    /// The live sessions by id, for the stations' reading loops: a report goes to its session
    /// without a hop onto this actor (ten a second from every station).
    nonisolated let relays = Mutex<[UUID: LiveSession]>([:])
    /// Whether the floor itself needs every report: a staff order waits for its confirmation, or a
    /// dashboard is open.
    nonisolated let wantsReports = Atomic<Bool>(false)
    /// Finished sessions stay reachable for a while (a console reloaded after the end still
    /// finds its report link); the oldest are let go.
    var finishedIDs: [UUID] = []
    var demoRecords: [(info: LiveSessionInfo, record: Data)] = []
    var alerts = AlertLog(capacity: keptAlerts)
    var dashboards: [UUID: AsyncStream<String>.Continuation] = [:] {
        didSet { wantsReports.store(!dashboards.isEmpty || !unconfirmed.isEmpty, ordering: .relaxed) }
    }
    var floorPush: Task<Void, Never>?
    /// The last staff order to each station linked here, until its reports show it taken.
    var unconfirmed: [Int: UnconfirmedOrder] = [:] {
        didSet { wantsReports.store(!dashboards.isEmpty || !unconfirmed.isEmpty, ordering: .relaxed) }
    }
    static let orderRetryMilliseconds = 300
    struct UnconfirmedOrder: Sendable {
        var order: StaffOrder
        var sentAt: ContinuousClock.Instant
    }
    /// What the other studio instances on the same database said of the stations linked to them.
    var otherInstances = OtherInstances()
    /// This instance, in what it tells the others.
    nonisolated let instance = UUID()
    /// The studio's database (several instances on PostgreSQL tell each other through it).
    let database: StudioDatabase

    init(
        studio: Studio, catalog: ProgramCatalog, links: StationLinks, inbox: RecordInbox, database: StudioDatabase,
        logger: Logger
    ) {
        self.database = database
        self.links = links
        self.inbox = inbox
        self.studio = studio
        self.catalog = catalog
        self.logger = logger
    }

    // MARK: Starting

    /// Starts a booked session on its station: for its client at the console, or staff.
    func start(booking id: UUID, by caller: Caller) async throws(StudioError) -> LiveSessionInfo {
        let booking = try await studio.booking(caller, id: id)
        if let busy = running[booking.stationID] {
            if busy.info.bookingID == id { return busy.info }
            throw StudioError(.conflict, "station \(booking.stationID) is running another session; ask staff")
        }
        let stationName = try await stationName(booking.stationID)
        // The station must be there before the booking is marked in progress (a booking must never
        // be left in progress with no station running it).
        guard await links.state(of: booking.stationID) != nil else {
            throw StudioError(
                .unavailable, "\(stationName) is not connected to the studio right now; ask staff to check it")
        }
        let (started, version) = try await studio.startSession(caller, id: id)
        do throws(StudioError) {
            guard let program = catalog.program(id: started.programID) else {
                throw StudioError(.notFound, "the program \(started.programID) is no longer offered")
            }
            let info = LiveSessionInfo(
                id: UUID(), stationID: started.stationID, stationName: stationName, bookingID: id,
                accountID: started.clientID, clientName: started.clientName ?? booking.clientName ?? caller.name,
                programID: program.id, programName: program.name,
                minutes: started.minutes, staffMayBeAlerted: version.plan.staffMayBeAlerted)
            return try await launch(info, carePlan: version.plan, version: version.version)
        } catch {
            // Never sent: the booking is booked again, to be started once the station is back.
            await notTakenUp(booking: id)
            throw error
        }
    }

    /// Starts a demo session with the caller's care plan on the first free station: the
    /// 15-minute express on their focus area, or 30 minutes of the total back without one, once
    /// the day's questions are answered (`answers`; a fever or an infection refuses it, naming
    /// `today`, and nothing starts).
    func startDemo(by caller: Caller, today answers: DayAnswers) async throws(StudioError) -> LiveSessionInfo {
        if let mine = running.values.first(where: { $0.info.accountID == caller.accountID }) { return mine.info }
        var plan = try await studio.currentCarePlan(caller)?.plan ?? CarePlan()
        // The day's answers, as before a booked session: applied to this demo's plan only (kept
        // nowhere), and screened for the program; a fever today refuses it.
        plan.health = answers.applied(to: plan.health)
        let wanted = plan.focusAreas.isEmpty ? "total-back" : "express"
        guard let program = catalog.program(id: wanted) ?? catalog.programs.first else {
            throw StudioError(.unavailable, "no program is offered for a demo")
        }
        let minutes = program.lengths.sorted().first { $0 >= (program.id == "express" ? 15 : 30) } ?? 15
        let screening = ContraindicationScreening.screen(plan.health, program: program, on: studio.today)
        if screening.isRefused {
            let refusal = BookingRules.Refusal.screening(screening.refusals)
            throw StudioError(.refused, field: "today", refusal.description, problems: refusal.problems)
        }
        let station = try await freeForDemo(minutes: minutes)
        let info = LiveSessionInfo(
            id: UUID(), stationID: station.id, stationName: station.name, bookingID: nil, accountID: caller.accountID,
            clientName: caller.name, programID: program.id, programName: program.name, minutes: minutes,
            staffMayBeAlerted: plan.staffMayBeAlerted)
        return try await launch(info, carePlan: plan, version: nil)
    }

    /// The first station in service, linked, and free for a demo of `minutes` from now: no
    /// session running on it, and no booking of anyone's (with its cleaning buffer) before the demo
    /// would end.
    private func freeForDemo(minutes: Int) async throws(StudioError) -> StationView {
        let stations = try await studio.stations(Self.stationCaller)
        let today = studio.today
        let bookings = try await studio.bookings(Self.stationCaller, from: today.description, to: today.description)
        let now = studio.now
        let demoEnd = now + minutes
        for station in stations where station.status == .inService && running[station.id] == nil {
            let taken = bookings.contains {
                $0.stationID == station.id && $0.status != .cancelled && $0.status != .completed
                    && ($0.status == .inProgress || ($0.start < demoEnd + station.cleaningBuffer && now < $0.end))
            }
            guard !taken, await links.state(of: station.id) != nil else { continue }
            return station
        }
        throw StudioError(.conflict, "every station is busy right now; try the demo again in a few minutes")
    }

    /// Sends the session to its station and starts relaying it.
    private func launch(_ info: LiveSessionInfo, carePlan: CarePlan, version: Int?) async throws(StudioError)
        -> LiveSessionInfo
    {
        let assignment = SessionAssignment(
            session: info.id, booking: info.bookingID, clientName: info.clientName, programID: info.programID,
            minutes: info.minutes, carePlan: carePlan, carePlanVersion: version, date: studio.today,
            staffMayBeAlerted: info.staffMayBeAlerted)
        guard await links.send(.run(assignment), to: info.stationID) else {
            throw StudioError(
                .unavailable, "\(info.stationName) is not connected to the studio right now; ask staff to check it")
        }
        let session = LiveSession(info: info, links: links)
        running[info.stationID] = session
        byID[info.id] = session
        Gauge(label: "unknot_live_sessions").record(running.count)
        logger.info(
            "live session sent to its station",
            metadata: ["station": "\(info.stationID)", "session": "\(info.id)", "demo": "\(info.isDemo)"])
        return info
    }

    func stationName(_ id: Int) async throws(StudioError) -> String {
        try await studio.stations(Self.stationCaller).first { $0.id == id }?.name ?? "Station \(id)"
    }

    // MARK: Reading

    func session(_ id: UUID) -> LiveSession? { byID[id] }

    /// Whether a station runs a simulated arm and body, as its link says (any not linked here counts
    /// as simulated: only a hardware arm's word makes it real).
    func isSimulated(station: Int) async -> Bool {
        if let state = await links.state(of: station) { return state.simulated }
        return otherInstances.state(of: station)?.link?.simulated ?? true
    }

    /// The sessions running now for a client (started by them or by staff), to rejoin.
    func running(for account: UUID) async -> [LiveSessionInfo] {
        var found: [LiveSessionInfo] = []
        for live in running.values where live.info.accountID == account {
            if await !live.finished { found.append(live.info) }
        }
        return found.sorted { $0.stationID < $1.stationID }
    }

    /// Staff saw the alerts of the session running on `station`: they leave its card (the list
    /// below keeps them, marked with who saw them). Throws `notFound` when nothing runs there.
    func acknowledgeAlerts(station: Int, by caller: Caller) throws(StudioError) {
        guard let live = running[station] else {
            throw StudioError(.notFound, "no session is running on station \(station)")
        }
        alerts.acknowledge(session: live.info.id, by: caller.name)
        pushFloorSoon()
    }

    /// A finished demo's record, for its client's report.
    func demoRecord(_ id: UUID) -> (info: LiveSessionInfo, record: Data)? {
        demoRecords.first { $0.info.id == id }
    }

    /// Every station with its live session, and the alerts staff may see.
    func floor() async throws(StudioError) -> LiveUpdate.Floor {
        let stations = try await studio.stations(Self.stationCaller)
        var states: [LiveUpdate.StationState] = []
        for station in stations {
            if let here = await linkedState(of: station) {
                states.append(here)
            } else if let there = otherInstances.state(of: station.id) {
                // Linked to another studio instance on the same database.
                states.append(there)
            } else {
                states.append(.init(id: station.id, name: station.name, status: station.status.rawValue))
            }
        }
        return LiveUpdate.Floor(stations: states, alerts: alerts.newestFirst)
    }

    /// A station as this instance knows it: its link here and the session relayed here (`nil` when
    /// it has neither).
    func linkedState(of station: StationView) async -> LiveUpdate.StationState? {
        var session: LiveUpdate.StationState.SessionState?
        var link: LiveUpdate.StationState.LinkState?
        if let state = await links.state(of: station.id) {
            link = .init(
                simulated: state.simulated, software: state.software, robot: state.robot,
                robotModel: state.robotModel, latenessP99: state.lateness.map { Double($0[1]) / 1_000 })
            if let report = state.report?.session {
                session = .init(
                    id: report.session.uuidString, client: "at the station", program: "the station's own session",
                    state: report.console.state, stateText: report.console.stateText,
                    remaining: report.console.remaining, area: report.console.area, level: report.console.level,
                    // A session the studio did not assign: no client's consent to show it.
                    heartRate: nil, stopped: report.stopped)
            }
        }
        var open: [LiveUpdate.Alert]?
        if let live = running[station.id] {
            session = await live.dashboardState()
            open = alerts.open(session: live.info.id)
        }
        guard link != nil || session != nil else { return nil }
        return .init(
            id: station.id, name: station.name, status: station.status.rawValue, session: session,
            alerts: open?.isEmpty == false ? open : nil, link: link)
    }

    func subscribeFloor() -> (UUID, AsyncStream<String>) {
        let id = UUID()
        let (stream, continuation) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .bufferingNewest(8))
        dashboards[id] = continuation
        return (id, stream)
    }

    func unsubscribeFloor(_ id: UUID) { dashboards.removeValue(forKey: id)?.finish() }

    // MARK: Staff

    /// Staff's emergency stop: the station's supervisor lifts the arm and holds it.
    func emergencyStop(station: Int) async throws(StudioError) {
        try await order(.emergencyStop, to: station)
        Counter(label: "unknot_emergency_stops_total").increment()
        logger.warning("emergency stop", metadata: ["station": "\(station)"])
    }

    /// Staff release the stop; the client (or staff) resume from the console afterwards.
    func releaseEmergencyStop(station: Int) async throws(StudioError) { try await order(.release, to: station) }

    /// Staff end the session (the client left, or asked a person to end it).
    func end(station: Int) async throws(StudioError) { try await order(.end, to: station) }

    /// Sends a staff order to a station over its link (for its running session, or whatever it
    /// runs when the studio did not start it).
    private func order(_ command: StaffCommand, to station: Int) async throws(StudioError) {
        let live = running[station]
        guard let here = await links.state(of: station) else {
            // Linked to another instance on the same database: the order goes there through it.
            if otherInstances.knows(station),
                await database.publish(
                    OtherInstances.ordersChannel,
                    OtherInstances.order(station: station, command: command, from: instance))
            {
                return
            }
            guard live != nil else { throw StudioError(.notFound, "station \(station) is not running a session") }
            throw StudioError(
                .unavailable,
                "station \(station) is not connected to the studio right now; its own supervisor and console keep "
                    + "the client safe, and a person at the table can stop it")
        }
        guard live != nil || here.report?.session != nil else {
            throw StudioError(.notFound, "station \(station) is not running a session")
        }
        await sendOrder(command, to: station)
        pushFloorSoon()
    }

    /// Pushes the floor to the dashboards within half a second (at most twice a second).
    func pushFloorSoon() {
        guard floorPush == nil, !dashboards.isEmpty else { return }
        floorPush = Task {
            try? await Task.sleep(for: .milliseconds(500))
            await self.pushFloorNow()
        }
    }

    private func pushFloorNow() async {
        floorPush = nil
        await pushFloor()
    }

    private func pushFloor() async {
        guard !dashboards.isEmpty, let floor = try? await floor() else { return }
        let text = LiveUpdate.json(floor)
        for (_, continuation) in dashboards { continuation.yield(text) }
    }
}
