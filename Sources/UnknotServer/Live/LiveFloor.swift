import Foundation
import Logging
import Metrics
import UnknotCore
import UnknotPlanning
import UnknotSession
import UnknotSimulation
import UnknotStudio
import UnknotStudioLink

/// The studio's floor: every station's live session, started from a booking or as a demo,
/// and what the staff dashboard shows. Until integrators connect robots, every station is
/// simulated (a simulated robot, body and client signals), driven by a real console.
///
/// Guarantees: at most one live session per station; a booked session starts only through the
/// studio's rules (its client or staff, within its time); a finished session's record is stored
/// with its booking (a demo's is kept in memory only, for its report); staff see a client's
/// reactions only when the client allowed it.
actor LiveFloor {
    static let keptDemos = 50
    static let keptAlerts = 50
    /// The stations' own account in the studio: it stores the records it wrote.
    static let stationCaller = Caller(
        accountID: UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1)), role: .staff, name: "station")

    let studio: Studio
    let catalog: ProgramCatalog
    let recordDirectory: URL
    let logger: Logger
    /// The stations running as their own programs, linked to this studio.
    let links: StationLinks
    private var running: [Int: LiveSession] = [:]
    private var byID: [UUID: LiveSession] = [:]
    /// Finished sessions stay reachable for a while (a console reloaded after the end still
    /// finds its report link); the oldest are let go.
    private var finishedIDs: [UUID] = []
    private var demoRecords: [(info: LiveSessionInfo, record: Data)] = []
    private var alerts = AlertLog(capacity: keptAlerts)
    private var dashboards: [UUID: AsyncStream<String>.Continuation] = [:]
    private var sinceFloorUpdate = 0
    private var seed: UInt64

    /// Station time per real time (``StationPace/speedUp``): the console's grace times, which are
    /// real-world times (a browser connecting), stretch by it.
    private let speedUp: Int

    init(studio: Studio, catalog: ProgramCatalog, links: StationLinks, logger: Logger, speedUp: Int = 1) {
        self.links = links
        self.speedUp = speedUp
        self.studio = studio
        self.catalog = catalog
        self.logger = logger
        recordDirectory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "unknot-live-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.createDirectory(at: recordDirectory, withIntermediateDirectories: true)
        seed = UInt64.random(in: 1...UInt64.max / 2)
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
        let (started, version) = try await studio.startSession(caller, id: id)
        guard let program = catalog.program(id: started.programID) else {
            throw StudioError(.notFound, "the program \(started.programID) is no longer offered")
        }
        let info = LiveSessionInfo(
            id: UUID(), stationID: started.stationID, stationName: stationName, bookingID: id,
            accountID: started.clientID, clientName: started.clientName ?? booking.clientName ?? caller.name,
            programID: program.id, programName: program.name,
            minutes: started.minutes, staffMayBeAlerted: version.plan.staffMayBeAlerted)
        return try launch(info, program: program, carePlan: version.plan)
    }

    /// Starts a demo session with the caller's care plan on the first free station: the
    /// 15-minute express on their focus area, or 30 minutes of the total back without one.
    func startDemo(by caller: Caller) async throws(StudioError) -> LiveSessionInfo {
        if let mine = running.values.first(where: { $0.info.accountID == caller.accountID }) { return mine.info }
        let plan = try await studio.currentCarePlan(caller)?.plan ?? CarePlan()
        let wanted = plan.focusAreas.isEmpty ? "total-back" : "express"
        guard let program = catalog.program(id: wanted) ?? catalog.programs.first else {
            throw StudioError(.unavailable, "no program is offered for a demo")
        }
        let stations = try await studio.stations(Self.stationCaller)
        let today = studio.today
        let bookings = try await studio.bookings(Self.stationCaller, from: today.description, to: today.description)
        let now = studio.now
        let busy = Set(
            bookings.filter { $0.status == .inProgress || ($0.start <= now && now < $0.end) }.map(\.stationID))
        guard
            let station = stations.first(where: {
                $0.status == .inService && running[$0.id] == nil && !busy.contains($0.id)
            })
        else {
            throw StudioError(.conflict, "every station is busy right now; try the demo again in a few minutes")
        }
        let minutes = program.lengths.sorted().first { $0 >= (program.id == "express" ? 15 : 30) } ?? 15
        let info = LiveSessionInfo(
            id: UUID(), stationID: station.id, stationName: station.name, bookingID: nil, accountID: caller.accountID,
            clientName: caller.name, programID: program.id, programName: program.name, minutes: minutes,
            staffMayBeAlerted: plan.staffMayBeAlerted)
        return try launch(info, program: program, carePlan: plan)
    }

    private func launch(_ info: LiveSessionInfo, program: Program, carePlan: CarePlan) throws(StudioError)
        -> LiveSessionInfo
    {
        let persona = Self.persona(for: carePlan)
        seed &+= 7_919
        let station: SimulatedStation
        do {
            station = try SimulatedStation.planned(
                program: program, minutes: info.minutes, persona: persona, carePlan: carePlan, date: studio.today,
                seed: seed, readsSignals: true)
        } catch {
            throw StudioError(.refused, "the session cannot be planned: \(error)")
        }
        let session = LiveSession(
            info: info, station: station, startedAt: Date(), recordDirectory: recordDirectory, speedUp: speedUp)
        running[info.stationID] = session
        byID[info.id] = session
        Gauge(label: "unknot_live_sessions").record(running.count)
        logger.info(
            "live session started",
            metadata: ["station": "\(info.stationID)", "session": "\(info.id)", "demo": "\(info.isDemo)"])
        return info
    }

    /// The person on the table, as the simulation knows them: the care plan's tender spots hurt
    /// above a moderate level; everything else (pressing controls) is left to the real console.
    static func persona(for plan: CarePlan) -> Persona {
        var persona = Persona(name: "client", summary: "the client at the console", carePlan: plan)
        persona.controlsFromConsole = true
        persona.tenderSpots = plan.tenderSpots.compactMap { spot in
            spot.at.map { Persona.TenderSpot(area: spot.area, at: $0, radius: spot.radius, hurtsAboveLevel: 4) }
        }
        return persona
    }

    private func stationName(_ id: Int) async throws(StudioError) -> String {
        try await studio.stations(Self.stationCaller).first { $0.id == id }?.name ?? "Station \(id)"
    }

    // MARK: Reading

    func session(_ id: UUID) -> LiveSession? { byID[id] }

    /// A finished demo's record, for its client's report.
    func demoRecord(_ id: UUID) -> (info: LiveSessionInfo, record: Data)? {
        demoRecords.first { $0.info.id == id }
    }

    /// Every station with its live session, and the alerts staff may see.
    func floor() async throws(StudioError) -> LiveUpdate.Floor {
        let stations = try await studio.stations(Self.stationCaller)
        var states: [LiveUpdate.StationState] = []
        for station in stations {
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
                        heartRate: report.console.heartRate, stopped: report.stopped)
                }
            }
            if let live = running[station.id] { session = await live.dashboardState() }
            states.append(
                .init(id: station.id, name: station.name, status: station.status.rawValue, session: session, link: link)
            )
        }
        return LiveUpdate.Floor(stations: states, alerts: alerts.newestFirst)
    }

    func subscribeFloor() -> (UUID, AsyncStream<String>) {
        let id = UUID()
        let (stream, continuation) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .bufferingNewest(8))
        dashboards[id] = continuation
        return (id, stream)
    }

    func unsubscribeFloor(_ id: UUID) { dashboards.removeValue(forKey: id)?.finish() }

    // MARK: Staff

    func emergencyStop(station: Int) async throws(StudioError) {
        guard let live = running[station] else {
            try await order(.emergencyStop, to: station)
            return
        }
        await live.emergencyStop()
        Counter(label: "unknot_emergency_stops_total").increment()
        logger.warning("emergency stop", metadata: ["station": "\(station)"])
        await pushFloor()
    }

    func releaseEmergencyStop(station: Int) async throws(StudioError) {
        guard let live = running[station] else {
            try await order(.release, to: station)
            return
        }
        await live.releaseEmergencyStop()
        await pushFloor()
    }

    func end(station: Int) async throws(StudioError) {
        guard let live = running[station] else {
            try await order(.end, to: station)
            return
        }
        await live.endByStaff()
        await pushFloor()
    }

    /// Sends a staff order to a station running as its own program (linked to this studio).
    private func order(_ command: StaffCommand, to station: Int) async throws(StudioError) {
        guard await links.send(.staff(StaffOrder(session: nil, command: command)), to: station) else {
            throw StudioError(.notFound, "station \(station) is not running a session")
        }
        if command == .emergencyStop { Counter(label: "unknot_emergency_stops_total").increment() }
        logger.warning(
            "staff order sent over the station link", metadata: ["station": "\(station)", "order": "\(command)"])
    }

    // MARK: Time

    /// Runs every live session for `milliseconds`; stores the records of those that finished.
    func advance(milliseconds: Int) async {
        for (stationID, live) in running {
            let finished = await live.advance(milliseconds: milliseconds)
            for alert in await live.takeAlerts() {
                alerts.add(
                    session: live.info.id, station: live.info.stationName, client: live.info.clientName,
                    at: SessionRecord.clock(alert.t), text: alert.text)
            }
            if finished {
                running[stationID] = nil
                Gauge(label: "unknot_live_sessions").record(running.count)
                await store(live)
                finishedIDs.append(live.info.id)
                if finishedIDs.count > Self.keptDemos { byID[finishedIDs.removeFirst()] = nil }
            }
        }
        sinceFloorUpdate += milliseconds
        if sinceFloorUpdate >= 500 {
            sinceFloorUpdate = 0
            await pushFloor()
        }
    }

    private func store(_ live: LiveSession) async {
        let info = live.info
        guard let data = await live.recordData else {
            logger.error("a live session finished without its record", metadata: ["session": "\(info.id)"])
            return
        }
        if let booking = info.bookingID {
            do {
                let (_, upload) = try StudioAPI.readRecord(data)
                _ = try await studio.storeRecord(Self.stationCaller, booking: booking, upload)
                await live.reportReady(at: "/sessions/\(booking.uuidString.lowercased())/report")
            } catch {
                logger.error(
                    "the record could not be stored", metadata: ["session": "\(info.id)", "error": "\(error)"])
            }
        } else {
            demoRecords.append((info, data))
            if demoRecords.count > Self.keptDemos { demoRecords.removeFirst() }
            await live.reportReady(at: "/demo/\(info.id.uuidString.lowercased())/report")
        }
        await pushFloor()
    }

    /// The server is stopping: every running station pauses (the arm lifts) as if its console
    /// were lost, and its record file is flushed. (The record is not stored with the booking: the
    /// session did not finish.)
    func shutDown() async {
        for (_, live) in running { await live.pauseForShutdown() }
    }

    private func pushFloor() async {
        guard !dashboards.isEmpty, let floor = try? await floor() else { return }
        let text = LiveUpdate.json(floor)
        for (_, continuation) in dashboards { continuation.yield(text) }
    }
}
