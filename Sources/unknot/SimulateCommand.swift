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
        discussion: """
            Either name a program, a length and a persona, or give a scenario file (JSON or YAML; see \
            docs/session.md): a client, a timeline and expectations the run checks, exiting 1 when one fails. \
            Personas: \(Persona.names.joined(separator: ", ")).
            """)

    enum Speed: String, ExpressibleByArgument, CaseIterable {
        case real
        case sixty = "60x"
        case max
    }

    @Option(help: "A scenario (JSON or YAML): client, timeline and expectations; `-` reads standard input.")
    var scenario: String?
    @Option(help: "The program id (see `unknot programs`).") var program: String?
    @Option(help: "Session length in minutes.") var minutes: Int?
    @Option(help: "Who is on the table: \(Persona.names.joined(separator: ", ")).") var persona: String?
    @Option(help: "A care plan (JSON) instead of the persona's (or the scenario's) own.") var carePlan: String?
    @Option(help: "Seed for the client's timing and the simulated sensors (default 1, or the scenario's).")
    var seed: UInt64?
    @Option(help: "real, 60x or max (as fast as the machine goes; the default with a scenario).") var speed: Speed?
    @Option(help: "Write the session record (JSON Lines) to this file.") var record: String?
    @Option(help: "Write the client's body signals (CSV: beats and 25 Hz samples) to this file.") var signals: String?
    @Option(help: "Write the ground truth of the client's reactions (JSON) to this file.") var truth: String?
    @Option(
        help:
            "Write every tick's setpoint (asked for and sent), measured force and supervisor decisions around each event to this file (JSON Lines)."
    )
    var traceSetpoints: String?
    @OptionGroup var body: BodyOptions
    @OptionGroup var programs: ProgramOptions
    @Option(help: "Day of the session, YYYY-MM-DD (default today, or the scenario's).") var date: String?
    @Flag(help: "No live status line; print only the summary.") var quiet = false
    @Flag(
        help:
            "Read reactions from the client's body signals and sound labels with the reaction detector, as a real station does (default: the simulated client's modelled detector reports)."
    )
    var readSignals = false
    @Option(
        help:
            "Hear real recordings from this data folder (as ../shared/data): the client's tears, laughter, sighs, groans, coughs and speech are real clips in a synthesised studio's sound, heard by the station's own hearing (implies --read-signals; the care plan must say stationMayListen)."
    )
    var hearRecordings: String?
    @Option(help: "Make the robot report a fault this many seconds into the session (it resets 3 s later).")
    var robotFaultAt: Double?
    @Option(help: "Cut the sensor frames this many seconds into the session.") var dropoutAt: Double?
    @Option(help: "How long the sensor dropout lasts, milliseconds.") var dropoutMilliseconds = 200

    func run() async throws {
        let catalog = try programs.catalog()
        var plan = try scenarioToRun()
        if let date {
            guard let parsed = CalendarDate(date) else {
                throw CommandError("--date '\(date)' is not a date; write YYYY-MM-DD")
            }
            plan.date = parsed
        }
        // A scenario without a date runs on its fixed day (its care plan was read as of that day).
        if plan.date == nil { plan.date = scenario == nil ? CalendarDate.today() : Scenario.defaultDate }
        if let seed { plan.seed = seed }
        if readSignals || hearRecordings != nil { plan.readsSignals = true }
        try addFaults(to: &plan)
        var care: CarePlan?
        if let carePlan { care = try CarePlanFile.load(carePlan, asOf: plan.date ?? .today()) }
        let model = BodyModel(try body.measurements(defaultHeight: 172))
        var run: ScenarioRun
        do {
            run = try ScenarioRun(
                plan, catalog: catalog, body: model, carePlan: care, keepBiosignals: signals != nil,
                traceSetpoints: traceSetpoints != nil)
        } catch {
            throw CommandError(error.description)
        }
        if let hearRecordings { try Self.listen(&run, to: hearRecordings, seed: plan.seed) }
        let who = plan.persona
        let writer: SessionRecordWriter?
        if let record {
            do {
                writer = try SessionRecordWriter(
                    path: record,
                    header: SessionRecordHeader(
                        plan: run.engine.plan, carePlan: run.carePlan, startedAt: 0, client: who.name, seed: plan.seed))
            } catch {
                throw CommandError(error.description)
            }
        } else {
            writer = nil
        }
        var console = StatusLine(enabled: !quiet, live: isatty(STDOUT_FILENO) != 0)
        let started = ContinuousClock.now
        switch speed ?? (scenario == nil ? .sixty : .max) {
        case .max:
            try await Self.run(&run, pacer: TickPacer(clock: VirtualClock()), writer: writer, console: &console)
        case .sixty:
            try await Self.run(
                &run, pacer: TickPacer(clock: ContinuousClock(), speedUp: 60), writer: writer, console: &console)
        case .real:
            try await Self.run(&run, pacer: TickPacer(clock: ContinuousClock()), writer: writer, console: &console)
        }
        let elapsed = ContinuousClock.now - started
        let summary = run.engine.summary()
        if let writer {
            do { try writer.finish(with: summary) } catch { throw CommandError(error.description) }
        }
        console.finish()
        print("")
        print(
            "Simulated \(who.name) (\(who.summary)), seed \(plan.seed), in \(elapsed.formatted(.units(allowed: [.seconds, .milliseconds], width: .narrow)))."
        )
        let truthCounts = Dictionary(grouping: run.station.client.truth, by: \.kind).mapValues(\.count)
        let truthText = ReactionKind.allCases.compactMap { k in truthCounts[k].map { "\(k.displayName) ×\($0)" } }
        print(
            "What the client really did: \(truthText.isEmpty ? "nothing notable" : truthText.joined(separator: ", "))")
        for line in summary.report() { print(line) }
        if run.station.hearing != nil { Self.printHeard(run.station.heard) }
        if let record { print("Record: \(record) (read it with `unknot record show \(record)`)") }
        if let signals, let log = run.station.biosignalLog { try Self.writeSignals(log, to: signals) }
        if let truth {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try Output.write(try encoder.encode(run.station.client.truth), to: truth)
        }
        if let traceSetpoints, let trace = run.trace { try Output.write(trace.jsonLines(), to: traceSetpoints) }
        guard scenario != nil else { return }
        print("")
        let report = run.report()
        for line in report.lines() { print(line) }
        if !report.passed { throw ExitCode(1) }
    }

    /// The scenario file's, or one made of --program, --minutes and --persona.
    func scenarioToRun() throws -> Scenario {
        if let scenario {
            let given = [("--program", program != nil), ("--minutes", minutes != nil), ("--persona", persona != nil)]
                .filter(\.1).map(\.0)
            guard given.isEmpty else {
                throw CommandError(
                    "\(given.joined(separator: ", ")) come\(given.count == 1 ? "s" : "") from the scenario; leave \(given.count == 1 ? "it" : "them") out or edit the scenario"
                )
            }
            return try ScenarioFile.load(scenario)
        }
        var missing: [String] = []
        if program == nil { missing.append("--program (see `unknot programs`)") }
        if minutes == nil { missing.append("--minutes (e.g. 30)") }
        if persona == nil { missing.append("--persona (\(Persona.names.joined(separator: ", ")))") }
        guard let program, let minutes, let persona, missing.isEmpty else {
            throw CommandError("give a --scenario file, or all of: " + missing.joined(separator: "; "))
        }
        guard let who = Persona.named(persona, seed: seed ?? 1) else {
            throw CommandError(
                "there is no persona '\(persona)'; choose one of: \(Persona.names.joined(separator: ", "))")
        }
        return Scenario(name: persona, program: program, minutes: minutes, seed: seed ?? 1, persona: who)
    }

    func addFaults(to plan: inout Scenario) throws {
        if let robotFaultAt {
            guard robotFaultAt >= 0 else { throw CommandError("--robot-fault-at must be 0 or more seconds") }
            plan.steps.append(ScenarioStep(.at(Int(robotFaultAt * 1_000)), .robotFault(code: 7)))
        }
        if let dropoutAt {
            guard dropoutAt >= 0, dropoutMilliseconds > 0 else {
                throw CommandError("--dropout-at must be 0 or more seconds and --dropout-milliseconds more than 0")
            }
            plan.steps.append(
                ScenarioStep(.at(Int(dropoutAt * 1_000)), .sensorDropout(milliseconds: dropoutMilliseconds)))
        }
    }

    static func run<C: Clock>(
        _ run: inout ScenarioRun, pacer: TickPacer<C>, writer: SessionRecordWriter?, console: inout StatusLine
    ) async throws where C.Duration == Duration {
        var tick = 0
        while run.step() || !run.lastEvents.isEmpty {
            tick += 1
            if !run.lastEvents.isEmpty {
                for event in run.lastEvents { console.note(event) }
                do { try writer?.append(run.lastEvents, now: run.engine.now) } catch {
                    throw CommandError(error.description)
                }
            }
            if run.isFinished { break }
            if tick % 10 == 0 { try await pacer.wait(untilTick: tick) }
            if tick % 100 == 0 { console.status(run.engine) }
        }
        console.status(run.engine)
    }

    static func writeSignals(_ log: BiosignalLog, to path: String) throws {
        var text = "# beats: t_ms,rr_ms\n"
        for beat in log.beats { text += "\(beat.t),\(beat.rr)\n" }
        text += "# samples at 25 Hz: t_ms,skin_conductance_uS,respiration\n"
        for s in log.samples { text += "\(s.t),\(s.skinConductance),\(s.respiration)\n" }
        try Output.write(Data(text.utf8), to: path)
    }
}
