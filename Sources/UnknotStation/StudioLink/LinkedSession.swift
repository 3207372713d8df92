import Foundation
import UnknotCore
import UnknotSession
import UnknotSignals
import UnknotStudioLink

/// One session the studio assigned, running on this station: the engine drives the station, the
/// consoles the studio relays press the controls, and everything goes to the session's record on
/// the station's disk as it happens.
///
/// Time is the station's own: ``advance(milliseconds:)`` steps it. Guarantees: when no console is
/// connected for ``consoleSilenceMilliseconds`` (or none within ``firstConsoleMilliseconds`` of
/// the start), both times the station speed-up, the station pauses through the engine, which
/// lifts the arm and stops the plan's clock; nothing resumes by itself. Staff alerts leave the
/// station only when the client allowed them.
struct LinkedSession<Station: RunningStation> {
    static var consoleSilenceMilliseconds: Int { 1_000 }
    static var firstConsoleMilliseconds: Int { 15_000 }

    let assignment: SessionAssignment
    private(set) var station: Station
    private let writer: SessionRecordWriter?
    private let speedUp: Int
    private var pending: [TimedEvent] = []
    private var lastSample: TelemetrySample?
    /// The last place and level the arm worked: the console keeps them between strokes.
    private var lastWorked: (area: String, level: Int)?
    private var gauge = RelaxationGauge()
    private var pressureSoFar: [BodyPartID: Int] = [:]
    private var consoles = 0
    private var consoleEverSeen = false
    private var consoleLost = false
    private var lastConsoleAt = 0
    private var sinceFlush = 0
    private var lastStatusAt = -1_000
    /// Something the consoles show changed since the last ``takeStatusDue()``.
    private var statusDue = false
    private(set) var finished = false

    var now: Int { station.view.now }

    init(assignment: SessionAssignment, station: Station, record: SessionRecordWriter?, speedUp: Int) {
        self.assignment = assignment
        self.station = station
        self.writer = record
        self.speedUp = max(1, speedUp)
        pending.reserveCapacity(256)
    }

    /// Runs the station for `milliseconds`; what the consoles and staff should hear goes to
    /// `outbox`. Returns `true` when the session finished during it.
    mutating func advance(milliseconds: Int, into outbox: inout [StationMessage]) -> Bool {
        guard !finished else { return false }
        consume(into: &outbox)
        var steps = 0
        while steps < milliseconds, station.step() {
            steps += 1
            if station.pendingEventCount > 0, steps % 10 == 0 { consume(into: &outbox) }
        }
        consume(into: &outbox)
        watchConsole(into: &outbox)
        sinceFlush += milliseconds
        if station.runsItself {
            // Written out at every advance (every 10 ms): a crash of the station loses no more
            // than the time since. The disk is synced every 100 ms of session time (`append`).
            try? writer?.writeOut()
        } else if sinceFlush >= SessionRecordWriter.flushMilliseconds {
            sinceFlush = 0
            try? writer?.flush()
        }
        if station.isFinished, let summary = station.summary {
            finished = true
            try? writer?.finish(with: summary)
            return true
        }
        return false
    }

    // MARK: Controls

    mutating func take(_ control: ClientControl, into outbox: inout [StationMessage]) {
        guard !finished else { return }
        if consoles > 0 { heardConsole(into: &outbox) }
        station.post(.control(control))
        consume(into: &outbox)
    }

    mutating func take(_ command: StaffCommand, into outbox: inout [StationMessage]) {
        guard !finished else { return }
        switch command {
        case .emergencyStop: station.post(.emergencyStop)
        case .release: station.post(.releaseEmergencyStop)
        case .end: station.post(.control(.end))
        }
        consume(into: &outbox)
    }

    /// How many consoles the studio relays now (0 when the link is down).
    mutating func consoles(_ count: Int, into outbox: inout [StationMessage]) {
        consoles = max(0, count)
        if consoles > 0 { heardConsole(into: &outbox) }
    }

    /// The station is stopping before the session's end: it pauses as for a lost console and
    /// its record is flushed (the session is reported interrupted when the station starts again).
    mutating func pauseForShutdown() {
        guard !finished else { return }
        station.shutDown()
        var unsaid: [StationMessage] = []
        consume(into: &unsaid)
        try? writer?.flush()
    }

    /// The session ended without finishing (its loop halted or its arm failed): what it did is
    /// written out; its record stays without a summary.
    mutating func stop() {
        var unsaid: [StationMessage] = []
        consume(into: &unsaid)
        try? writer?.flush()
        finished = true
    }

    private mutating func heardConsole(into outbox: inout [StationMessage]) {
        lastConsoleAt = now
        consoleEverSeen = true
        if consoleLost {
            consoleLost = false
            station.post(.consoleBack)
            consume(into: &outbox)
        }
    }

    private mutating func watchConsole(into outbox: inout [StationMessage]) {
        guard !consoleLost, !finished else { return }
        if consoles > 0 {
            lastConsoleAt = now
            return
        }
        let limit = (consoleEverSeen ? Self.consoleSilenceMilliseconds : Self.firstConsoleMilliseconds) * speedUp
        guard now - lastConsoleAt > limit else { return }
        let state = station.view.state
        guard state.movesPlan || state == .settlingIn else { return }
        consoleLost = true
        station.post(.consoleLost)
        consume(into: &outbox)
    }

    /// Whether the consoles should hear the state now: it changed, or 100 ms of station time
    /// passed since they last did.
    mutating func takeStatusDue() -> Bool {
        guard statusDue || now - lastStatusAt >= 100 || finished else { return false }
        statusDue = false
        lastStatusAt = now
        return true
    }

    // MARK: Reading

    /// The session's state for its consoles and the staff floor.
    var report: SessionReport {
        SessionReport(
            session: assignment.session, console: status, stopped: station.view.emergencyStopped)
    }

    var status: ConsoleStatus {
        let engine = station.view
        let sample = lastSample
        let planTime = engine.planTime
        let phase = station.plan.phases.first { planTime >= $0.startMilliseconds && planTime < $0.endMilliseconds }
        let checkIn = engine.openCheckIn.map { open in
            ConsoleCheckIn(
                question: open.question, answers: open.answers.map { .init(value: $0.rawValue, label: $0.label) })
        }
        // Contact as the robot has it now (telemetry pauses while the station is stopped). Between
        // strokes, while the session works, the console keeps the last place and level.
        let contact = engine.contact
        let working = engine.state.movesPlan && !consoleLost
        let area = contact ? sample?.part?.area.description : working ? lastWorked?.area : nil
        let level = contact ? sample?.level ?? 0 : working ? lastWorked?.level ?? 0 : 0
        return ConsoleStatus(
            time: engine.now, state: engine.state.rawValue, stateText: stateText, planTime: planTime,
            remaining: max(0, station.plan.durationMilliseconds - planTime),
            phase: phase?.kind.displayName ?? (engine.state == .settlingIn ? "settling in" : "closing"),
            area: area, contact: contact, x: sample?.x ?? 0, y: sample?.y ?? 0,
            face: (sample?.face ?? .posterior).rawValue, level: level,
            heartRate: Int(engine.heartRate.rounded()), breathing: Int(station.breathsPerMinute.rounded()),
            relaxation: gauge.value, relaxationWords: RelaxationGauge.words(gauge.value), checkIn: checkIn,
            finished: finished, report: nil, stopped: engine.emergencyStopped, canResume: canResume)
    }

    /// Whether Resume carries on now: after a pause or a break, or a fault whose cause is gone
    /// (never while staff's stop holds, nor while no console is there).
    var canResume: Bool {
        let engine = station.view
        guard !consoleLost, !finished else { return false }
        switch engine.state {
        case .pausedByClient, .onBreak: return true
        case .faulted: return engine.faultWouldClear
        default: return false
        }
    }

    /// The state in plain words for the client and staff.
    var stateText: String {
        let engine = station.view
        if engine.emergencyStopped { return "Staff stopped the arm" }
        if consoleLost { return "Paused: the console was away" }
        switch engine.state {
        case .faulted:
            return engine.faultWouldClear
                ? "Stopped: the arm is lifted; Resume carries on" : "Stopped for safety: the arm is lifted"
        case .pausedByClient: return "Paused"
        case .onBreak: return "On a break"
        default: return engine.state.displayName
        }
    }

    // MARK: Events

    private mutating func consume(into outbox: inout [StationMessage]) {
        station.takeEvents(into: &pending)
        guard !pending.isEmpty else { return }
        try? writer?.append(pending, now: now)
        let session = assignment.session
        for timed in pending {
            switch timed.event {
            case .message(let message):
                outbox.append(
                    .say(SessionMessage(session: session, message: ConsoleSaid(t: timed.t, text: message.text))))
            case .telemetry(let sample):
                lastSample = sample
                if sample.contact, let part = sample.part, sample.level > 0 {
                    lastWorked = (part.area.description, sample.level)
                }
                gauge.update(heartRate: sample.heartRate, breathsPerMinute: station.breathsPerMinute, at: timed.t)
                if sample.contact, let part = sample.part, sample.level > pressureSoFar[part, default: 0] {
                    pressureSoFar[part] = sample.level
                    statusDue = true
                    outbox.append(
                        .pressure(
                            SessionPressure(
                                session: session, pressure: ConsolePressure(part: part.area.code, level: sample.level)))
                    )
                }
            case .stateChanged, .checkIn, .checkInClosed, .levelChanged, .fault, .faultCleared:
                statusDue = true
            case .alert(let alert):
                if timed.event.isVisibleToStaff(staffMayBeAlerted: assignment.staffMayBeAlerted) {
                    outbox.append(
                        .alert(StaffAlert(session: session, t: timed.t, text: alert.text, kind: alert.kind.rawValue)))
                }
            default: break
            }
        }
        pending.removeAll(keepingCapacity: true)
    }
}
