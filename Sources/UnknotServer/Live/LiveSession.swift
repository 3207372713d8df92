import Foundation
import UnknotCore
import UnknotSession
import UnknotSignals
import UnknotSimulation
import UnknotStudioLink

/// One session running live on a simulated station in the server: the engine drives a
/// simulated robot over a simulated body, while a person at the console presses the controls.
///
/// Time is the station's own: ``advance(milliseconds:)`` steps it (the ``LiveFloor`` calls it
/// with the real time that passed; tests call it directly, so nothing here sleeps). Every event
/// goes to the session's record file as it happens, like a station's record.
///
/// Guarantees: when no console is connected for ``consoleSilenceMilliseconds`` of station time
/// (or none connected within ``firstConsoleMilliseconds`` of the start), both times the
/// station speed-up (they are real-world times: a browser connecting), the station pauses
/// through the engine, which lifts the arm and stops the plan's clock; nothing resumes by
/// itself. (A console whose network dies silently is closed by the WebSocket's own pings, see
/// ``LiveChannels``.) Staff see reactions only when the client allowed it. Subscribers that read too
/// slowly lose old updates, never block the station.
actor LiveSession {
    static let consoleSilenceMilliseconds = 1_000
    static let firstConsoleMilliseconds = 15_000
    static let keptMessages = 30

    nonisolated let info: LiveSessionInfo
    private var station: SimulatedStation
    private let writer: SessionRecordWriter?
    private let recordPath: String
    private var pending: [TimedEvent] = []
    private var messages: [ConsoleSaid] = []
    private var lastSample: TelemetrySample?
    private var gauge = RelaxationGauge()
    private var pressureSoFar: [BodyPartID: Int] = [:]
    private var subscribers: [UUID: (audience: Audience, continuation: AsyncStream<String>.Continuation)] = [:]
    private var consoleEverSeen = false
    private var consoleLost = false
    private var lastConsoleAt = 0
    private var lastStatusAt = -1_000
    /// Alerts staff may see, not yet handed to the floor.
    private var newAlerts: [(t: Int, text: String)] = []
    private(set) var finished = false
    private(set) var reportPath: String?
    /// The record file's bytes once the session finished.
    private(set) var recordData: Data?

    enum Audience: Sendable { case console, staff }

    /// Station time per real time: the console's grace times are real-world times.
    private let speedUp: Int

    init(info: LiveSessionInfo, station: SimulatedStation, startedAt: Date, recordDirectory: URL, speedUp: Int = 1) {
        self.info = info
        self.speedUp = max(1, speedUp)
        var station = station
        var first: [TimedEvent] = []
        first.reserveCapacity(256)
        station.takeEvents(into: &first)
        self.station = station
        pending = first
        recordPath = recordDirectory.appendingPathComponent("\(info.id.uuidString).jsonl").path
        writer = try? SessionRecordWriter(
            path: recordPath,
            header: SessionRecordHeader(
                plan: station.engine.plan, carePlan: station.engine.carePlan,
                startedAt: startedAt.timeIntervalSince1970, client: "client"))
    }

    var now: Int { station.engine.now }

    /// Runs the station for `milliseconds`; returns `true` when the session finished during it.
    @discardableResult
    func advance(milliseconds: Int) -> Bool {
        guard !finished else { return false }
        consume()
        var steps = 0
        while steps < milliseconds, station.step() {
            steps += 1
            if station.pendingEvents.count > 0, steps % 10 == 0 {
                station.takeEvents(into: &pending)
                consume()
            }
        }
        station.takeEvents(into: &pending)
        consume()
        watchConsole()
        // The console hears from the station at least ten times a second, stopped or not.
        if now - lastStatusAt >= 100 { sendStatus() }
        if station.isFinished {
            finish()
            return true
        }
        return false
    }

    // MARK: Controls

    /// A control from the client's console.
    func take(_ control: ClientControl, from console: UUID) {
        heard(from: console)
        guard !finished else { return }
        station.withEngine { $0.take(control) }
        flush()
    }

    /// The console is there (it connected, or pressed a control).
    func heard(from console: UUID) {
        guard subscribers[console] != nil else { return }
        lastConsoleAt = now
        consoleEverSeen = true
        if consoleLost {
            consoleLost = false
            station.withEngine { $0.consoleBack() }
            flush()
        }
    }

    /// Staff's emergency stop for this station: the supervisor lifts the arm and holds it.
    func emergencyStop() {
        guard !finished else { return }
        station.withEngine { $0.emergencyStop() }
        flush()
    }

    /// Staff release the stop; the client (or staff) can resume from the console afterwards.
    func releaseEmergencyStop() {
        guard !finished else { return }
        station.withEngine { $0.releaseEmergencyStop() }
        flush()
    }

    /// Staff end the session (the client left, or asked a person to end it).
    func endByStaff() {
        guard !finished else { return }
        station.withEngine { $0.take(.end) }
        flush()
    }

    // MARK: Subscribers

    /// A console or a dashboard listens. The stream starts with everything it needs to draw the
    /// session as it is now.
    func subscribe(_ audience: Audience) -> (UUID, AsyncStream<String>) {
        let id = UUID()
        let (stream, continuation) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .bufferingNewest(64))
        subscribers[id] = (audience, continuation)
        if audience == .console {
            heard(from: id)
            for message in messages { continuation.yield(LiveUpdate.json(message)) }
            for (part, level) in pressureSoFar {
                continuation.yield(LiveUpdate.json(ConsolePressure(part: part.area.code, level: level)))
            }
            continuation.yield(LiveUpdate.json(status()))
        }
        return (id, stream)
    }

    func unsubscribe(_ id: UUID) {
        subscribers.removeValue(forKey: id)?.continuation.finish()
    }

    /// The report is ready: consoles are told where.
    func reportReady(at path: String) {
        reportPath = path
        broadcast(LiveUpdate.json(status()), to: .console)
        for (_, subscriber) in subscribers { subscriber.continuation.finish() }
        subscribers.removeAll()
    }

    // MARK: Reading

    func status() -> ConsoleStatus {
        let engine = station.engine
        let sample = lastSample
        let planTime = engine.planTime
        let phase = engine.plan.phases.first { planTime >= $0.startMilliseconds && planTime < $0.endMilliseconds }
        let checkIn = engine.openCheckIn.map { open in
            ConsoleCheckIn(
                question: open.question,
                answers: open.answers.map { .init(value: $0.rawValue, label: $0.label) })
        }
        // Contact as the robot has it now (telemetry pauses while the station is stopped).
        let contact = engine.lastSetpoint.contact
        return ConsoleStatus(
            time: engine.now, state: engine.state.rawValue, stateText: stateText, planTime: planTime,
            remaining: max(0, engine.plan.durationMilliseconds - planTime),
            phase: phase?.kind.displayName ?? (engine.state == .settlingIn ? "settling in" : "closing"),
            area: contact ? sample?.part?.area.description : nil, contact: contact, x: sample?.x ?? 0,
            y: sample?.y ?? 0, face: (sample?.face ?? .posterior).rawValue, level: contact ? sample?.level ?? 0 : 0,
            heartRate: Int(engine.summaryHeartRate.rounded()), breathing: Int(breathing.rounded()),
            relaxation: gauge.value, relaxationWords: RelaxationGauge.words(gauge.value), checkIn: checkIn,
            finished: finished, report: reportPath)
    }

    var stateText: String {
        if station.engine.supervisor.isEmergencyStopped { return "stopped by staff" }
        if consoleLost { return "paused: console lost" }
        return station.engine.state.displayName
    }

    var breathing: Double { station.detector?.stream.breathing.perMinute ?? 0 }

    /// The session as the staff dashboard shows it.
    func dashboardState() -> LiveUpdate.StationState.SessionState {
        let s = status()
        return .init(
            id: info.id.uuidString, client: info.clientName, program: "\(info.programName), \(info.minutes) min",
            state: s.state, stateText: s.stateText, remaining: s.remaining, area: s.area, level: s.level,
            heartRate: s.heartRate, stopped: station.engine.supervisor.isEmergencyStopped)
    }

    /// The alerts staff may see since the last call (however they arose: a reaction during the
    /// station's time, or a control the client pressed).
    func takeAlerts() -> [(t: Int, text: String)] {
        defer { newAlerts.removeAll() }
        return newAlerts
    }

    // MARK: Internals

    private func flush() {
        station.takeEvents(into: &pending)
        consume()
    }

    private func consume() {
        guard !pending.isEmpty else { return }
        try? writer?.append(pending, now: now)
        var statusDue = false
        for timed in pending {
            switch timed.event {
            case .message(let message):
                let update = ConsoleSaid(t: timed.t, text: message.text)
                messages.append(update)
                if messages.count > Self.keptMessages { messages.removeFirst(messages.count - Self.keptMessages) }
                broadcast(LiveUpdate.json(update), to: .console)
            case .telemetry(let sample):
                lastSample = sample
                gauge.update(heartRate: sample.heartRate, breathsPerMinute: breathing, at: timed.t)
                if sample.contact, let part = sample.part, sample.level > pressureSoFar[part, default: 0] {
                    pressureSoFar[part] = sample.level
                    broadcast(
                        LiveUpdate.json(ConsolePressure(part: part.area.code, level: sample.level)), to: .console)
                }
                statusDue = true
            case .stateChanged, .checkIn, .checkInClosed, .levelChanged, .fault, .faultCleared:
                statusDue = true
            case .alert(let alert):
                if timed.event.isVisibleToStaff(staffMayBeAlerted: info.staffMayBeAlerted) {
                    newAlerts.append((timed.t, alert.text))
                }
            default: break
            }
        }
        pending.removeAll(keepingCapacity: true)
        if statusDue { sendStatus() }
    }

    /// Whether a console is connected (a console subscriber).
    private var hasConsole: Bool { subscribers.values.contains { $0.audience == .console } }

    private func sendStatus() {
        lastStatusAt = now
        guard hasConsole else { return }
        broadcast(LiveUpdate.json(status()), to: .console)
    }

    private func broadcast(_ text: String, to audience: Audience) {
        for (_, subscriber) in subscribers where subscriber.audience == audience {
            subscriber.continuation.yield(text)
        }
    }

    private func watchConsole() {
        guard !consoleLost, !finished else { return }
        if hasConsole {
            lastConsoleAt = now
            return
        }
        let limit = (consoleEverSeen ? Self.consoleSilenceMilliseconds : Self.firstConsoleMilliseconds) * speedUp
        guard now - lastConsoleAt > limit else { return }
        guard station.engine.state.movesPlan || station.engine.state == .settlingIn else { return }
        consoleLost = true
        station.withEngine { $0.consoleLost() }
        flush()
    }

    private func finish() {
        finished = true
        try? writer?.finish(with: station.engine.summary())
        recordData = FileManager.default.contents(atPath: recordPath)
        try? FileManager.default.removeItem(atPath: recordPath)
        broadcast(LiveUpdate.json(status()), to: .console)
    }
}

extension LiveSession {
    /// The server is stopping: the station pauses as for a lost console.
    func pauseForShutdown() {
        guard !finished else { return }
        station.withEngine { $0.consoleLost() }
        try? writer?.flush()
    }
}
