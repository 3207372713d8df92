import ArgumentParser
import Foundation
import UnknotCore
import UnknotPlanning
import UnknotSession
import UnknotSimulation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Run a whole session on a simulated station with a simulated client.",
        discussion: "Personas: \(Persona.names.joined(separator: ", ")).")

    enum Speed: String, ExpressibleByArgument, CaseIterable {
        case real
        case sixty = "60x"
        case max
    }

    @Option(help: "The program id (see `unknot programs`).") var program: String
    @Option(help: "Session length in minutes.") var minutes: Int
    @Option(help: "Who is on the table: \(Persona.names.joined(separator: ", ")).") var persona: String
    @Option(help: "A care plan (JSON) instead of the persona's own.") var carePlan: String?
    @Option(help: "Seed for the persona's timing and the simulated sensors.") var seed: UInt64 = 1
    @Option(help: "real, 60x or max (as fast as the machine goes).") var speed: Speed = .sixty
    @Option(help: "Write the session record (JSON Lines) to this file.") var record: String?
    @Option(help: "Write the client's body signals (CSV: beats and 25 Hz samples) to this file.") var signals: String?
    @Option(help: "Write the ground truth of the client's reactions (JSON) to this file.") var truth: String?
    @OptionGroup var body: BodyOptions
    @OptionGroup var programs: ProgramOptions
    @Option(help: "Day of the session, YYYY-MM-DD (default today).") var date: String?
    @Flag(help: "No live status line; print only the summary.") var quiet = false
    @Flag(
        help:
            "Read reactions from the client's body signals and sound labels with the reaction detector, as a real station does (default: the simulated client's modelled detector reports)."
    )
    var readSignals = false
    @Option(help: "Make the robot report a fault this many seconds into the session (it resets 3 s later).")
    var robotFaultAt: Double?
    @Option(help: "Cut the sensor frames this many seconds into the session.") var dropoutAt: Double?
    @Option(help: "How long the sensor dropout lasts, milliseconds.") var dropoutMilliseconds = 200

    func run() async throws {
        let catalog = try programs.catalog()
        guard let chosen = catalog.program(id: program) else {
            throw CommandError(
                "there is no program '\(program)'; choose one of: \(catalog.programs.map(\.id).joined(separator: ", "))"
            )
        }
        guard let who = Persona.named(persona, seed: seed) else {
            throw CommandError(
                "there is no persona '\(persona)'; choose one of: \(Persona.names.joined(separator: ", "))")
        }
        var day = CalendarDate.today()
        if let date {
            guard let parsed = CalendarDate(date) else {
                throw CommandError("--date '\(date)' is not a date; write YYYY-MM-DD")
            }
            day = parsed
        }
        var care = who.carePlan
        if let carePlan { care = try CarePlanFile.load(carePlan, asOf: day) }
        if chosen.singleFocusArea, care.focusAreas.isEmpty { care.focusAreas = [BodyArea(.shoulders)] }
        let model = BodyModel(try body.measurements(defaultHeight: 172))
        var station: SimulatedStation
        do {
            station = try SimulatedStation.planned(
                program: chosen, minutes: minutes, persona: who, carePlan: care, body: model, date: day, seed: seed,
                keepBiosignals: signals != nil, readsSignals: readSignals)
        } catch {
            throw CommandError(error.description)
        }
        if let robotFaultAt {
            guard robotFaultAt >= 0 else { throw CommandError("--robot-fault-at must be 0 or more seconds") }
            station.scheduleRobotFault(at: Int(robotFaultAt * 1_000), code: 7)
        }
        if let dropoutAt {
            guard dropoutAt >= 0, dropoutMilliseconds > 0 else {
                throw CommandError("--dropout-at must be 0 or more seconds and --dropout-milliseconds more than 0")
            }
            station.scheduleDropout(at: Int(dropoutAt * 1_000), length: dropoutMilliseconds)
        }
        let writer: SessionRecordWriter?
        if let record {
            do {
                writer = try SessionRecordWriter(
                    path: record,
                    header: SessionRecordHeader(
                        plan: station.engine.plan, carePlan: care, startedAt: 0, client: who.name, seed: seed))
            } catch {
                throw CommandError(error.description)
            }
        } else {
            writer = nil
        }
        var console = StatusLine(enabled: !quiet, live: isatty(STDOUT_FILENO) != 0)
        let started = ContinuousClock.now
        switch speed {
        case .max:
            try await Self.run(&station, pacer: TickPacer(clock: VirtualClock()), writer: writer, console: &console)
        case .sixty:
            try await Self.run(
                &station, pacer: TickPacer(clock: ContinuousClock(), speedUp: 60), writer: writer, console: &console)
        case .real:
            try await Self.run(&station, pacer: TickPacer(clock: ContinuousClock()), writer: writer, console: &console)
        }
        let elapsed = ContinuousClock.now - started
        let summary = station.engine.summary()
        if let writer {
            do { try writer.finish(with: summary) } catch { throw CommandError(error.description) }
        }
        console.finish()
        print("")
        print(
            "Simulated \(who.name) (\(who.summary)), seed \(seed), in \(elapsed.formatted(.units(allowed: [.seconds, .milliseconds], width: .narrow)))."
        )
        let truthCounts = Dictionary(grouping: station.client.truth, by: \.kind).mapValues(\.count)
        let truthText = ReactionKind.allCases.compactMap { k in truthCounts[k].map { "\(k.displayName) ×\($0)" } }
        print(
            "What the client really did: \(truthText.isEmpty ? "nothing notable" : truthText.joined(separator: ", "))")
        for line in summary.report() { print(line) }
        if let record { print("Record: \(record) (read it with `unknot record show \(record)`)") }
        if let signals, let log = station.biosignalLog { try Self.writeSignals(log, to: signals) }
        if let truth {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try Output.write(try encoder.encode(station.client.truth), to: truth)
        }
    }

    static func run<C: Clock>(
        _ station: inout SimulatedStation, pacer: TickPacer<C>, writer: SessionRecordWriter?, console: inout StatusLine
    ) async throws where C.Duration == Duration {
        var batch: [TimedEvent] = []
        batch.reserveCapacity(1_024)
        var tick = 0
        while station.step() {
            tick += 1
            if !station.pendingEvents.isEmpty {
                station.takeEvents(into: &batch)
                for event in batch { console.note(event) }
                do { try writer?.append(batch, now: station.engine.now) } catch {
                    throw CommandError(error.description)
                }
                batch.removeAll(keepingCapacity: true)
            }
            if tick % 10 == 0 { try await pacer.wait(untilTick: tick) }
            if tick % 100 == 0 { console.status(station.engine) }
        }
        station.takeEvents(into: &batch)
        do { try writer?.append(batch, now: station.engine.now) } catch { throw CommandError(error.description) }
        console.status(station.engine)
    }

    static func writeSignals(_ log: BiosignalLog, to path: String) throws {
        var text = "# beats: t_ms,rr_ms\n"
        for beat in log.beats { text += "\(beat.t),\(beat.rr)\n" }
        text += "# samples at 25 Hz: t_ms,skin_conductance_uS,respiration\n"
        for s in log.samples { text += "\(s.t),\(s.skinConductance),\(s.respiration)\n" }
        try Output.write(Data(text.utf8), to: path)
    }
}

/// The live status line of `unknot simulate`: progress, phase, region, technique, level, heart
/// rate and the latest message; messages scroll above it.
struct StatusLine {
    let enabled: Bool
    let live: Bool
    var latest = ""
    var lastDrawn = ContinuousClock.now
    var lastMinute = -1

    init(enabled: Bool, live: Bool) {
        self.enabled = enabled
        self.live = live
    }

    mutating func note(_ event: TimedEvent) {
        guard enabled else { return }
        switch event.event {
        case .message(let m):
            latest = m.text
            emit("\(SessionRecord.clock(event.t))  \(m.text)")
        case .fault(let f): emit("\(SessionRecord.clock(event.t))  FAULT: \(f.description)")
        case .control(let c): emit("\(SessionRecord.clock(event.t))  (client: \(c.displayName))")
        case .reaction(let r, true, _): emit("\(SessionRecord.clock(event.t))  (noticed \(r.kind.displayName))")
        default: break
        }
    }

    mutating func emit(_ line: String) {
        if live { print("\r\u{1B}[2K" + line) } else { print(line) }
    }

    mutating func status(_ engine: SessionEngine) {
        guard enabled else { return }
        let plan = engine.plan
        let fraction = plan.durationMilliseconds > 0 ? Double(engine.planTime) / Double(plan.durationMilliseconds) : 0
        if !live {
            let minute = engine.planTime / 60_000
            guard minute != lastMinute else { return }
            lastMinute = minute
            print("[\(Int(fraction * 100))%] \(line(engine))")
            return
        }
        let now = ContinuousClock.now
        guard now - lastDrawn >= .milliseconds(100) else { return }
        lastDrawn = now
        let width = 20
        let filled = min(width, Int(fraction * Double(width)))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        var text = "\(bar) \(Int(fraction * 100))% \(line(engine))"
        if text.count > 150 { text = String(text.prefix(150)) }
        print("\r\u{1B}[2K" + text, terminator: "")
        fflush(nil)
    }

    func line(_ engine: SessionEngine) -> String {
        let plan = engine.plan
        let phase = plan.phases.first {
            engine.planTime >= $0.startMilliseconds && engine.planTime < $0.endMilliseconds
        }
        let setpoint = engine.lastSetpoint
        let whereText =
            setpoint.contact
            ? "\(setpoint.part.map { $0.area.description } ?? "") · \(setpoint.technique?.displayName ?? "") · level \(engine.currentLevel(of: setpoint.part!).value)"
            : "lifted"
        let heart = engine.summaryHeartRate
        return "\(SessionRecord.clock(engine.planTime))/\(SessionRecord.clock(plan.durationMilliseconds)) · "
            + "\(engine.state == .working ? phase?.kind.displayName ?? "" : engine.state.displayName) · \(whereText) · "
            + "♥ \(heart > 0 ? String(Int(heart.rounded())) : "--") · \(latest)"
    }

    mutating func finish() {
        if enabled, live { print("") }
    }
}
