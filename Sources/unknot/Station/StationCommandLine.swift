import ArgumentParser
import Dispatch
import Foundation
import Logging
import UnknotCore
import UnknotHearing
import UnknotPlanning
import UnknotRobotLink
import UnknotSession
import UnknotStation
import UnknotStudioLink

/// `unknot station`: one station as its own process — its 1 kHz loop, its arm over the robot
/// link, its record on its own disk, and a terminal console; with `--studio`, linked to its studio
/// (its state on the staff floor ten times a second, staff orders to the loop). With `--robot`,
/// `--studio` and `--station` it takes its sessions from the studio; with `--program` and the rest
/// it runs the one session given here (a bench for integrators).
struct StationCommandLine: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "station",
        abstract: "Run a station: a session on an arm over the robot link, with a console on the terminal.",
        discussion: """
            Plans the session, reaches the arm (--robot; try `unknot robot-sim`), and runs the \
            1 kHz loop. Type at the terminal as the client would press the console (\
            \(StationCommand.typedWords.map(\.word).joined(separator: ", "))). The record is \
            written to --record as the session goes, synced every 100 ms. A status line comes \
            every second, with the loop's tick lateness.
            """)

    @Option(help: "The arm: udp://HOST:PORT.") var robot: String?
    @Flag(
        help: """
            A simulated arm and body in this process, taking its sessions from the studio (--studio, \
            --station, --token): a demo station on its own machine.
            """)
    var simulated = false
    @Option(help: "The station's number at the studio (its sessions then come from the studio).") var station: Int?
    @Option(help: "Where a station taking its sessions from the studio keeps its records until the studio holds them.")
    var stationDirectory = "unknot-station"
    @Option(help: "How fast a --simulated station's time runs, e.g. 60x (checks only).") var stationSpeed = "1x"
    @Flag(help: "Ask the arm for lockstep (simulated arms only): the session runs as fast as the link goes.")
    var lockstep = false
    @Option(help: "The program id (see `unknot programs`).") var program: String?
    @Option(help: "Session length in minutes.") var minutes: Int?
    @Option(help: "The client's care plan (JSON; see `unknot care-plan example`).") var carePlan: String?
    @OptionGroup var body: BodyOptions
    @OptionGroup var programs: ProgramOptions
    @Option(help: "Where to write the session record (JSON Lines).") var record: String?
    @Option(
        help: """
            The microphone: raw 16 kHz 16-bit mono PCM from - (standard input; the terminal console is \
            then off), a file or udp://HOST:PORT. Heard only in sessions whose client's care plan lets \
            the station listen; the audio is never written anywhere.
            """)
    var microphone: String?
    @Option(help: "The body sensors: udp://HOST:PORT, where they send their readings (docs/station.md).")
    var bodySensors: String?
    @Option(help: "A hearing calibration file; the shipped one otherwise.") var hearingCalibration: String?
    @Flag(help: "No status lines.") var quiet = false
    @Option(help: "The studio to link to: http://HOST:PORT (its staff see the station and can stop it).")
    var studio: String?
    @Option(
        help: """
            The station's credential for the studio link (issued by an admin: POST \
            /api/stations/N/credentials); UNKNOT_STATION_TOKEN in the environment otherwise.
            """)
    var token: String?
    @Option(
        help: """
            Serve the station's own console (the tablet under the face cradle) on HOST:PORT, e.g. \
            127.0.0.1:8090 (with --station); it works with the studio unreachable.
            """)
    var consoleListen: String?
    @Option(help: "The key the console's address carries (a new random one is printed otherwise).")
    var consoleKey: String?
    @Option(
        help: """
            A scripted client for the session given here: one press a line, M:SS then a word typed at \
            the terminal (e.g. "5:00 end"), each taken at its tick (the same session every run in lockstep).
            """)
    var clientScript: String?

    /// An arm taking its sessions from the studio (rather than the one session given here).
    var armFromStudio: Bool { robot != nil && station != nil && program == nil }

    func validate() throws {
        if armFromStudio {
            guard studio != nil else {
                throw ValidationError("--station N takes its sessions from the studio: give --studio URL too")
            }
            var wrong: [String] = []
            if lockstep { wrong.append("--lockstep (a session from the studio runs in real time)") }
            if minutes != nil { wrong.append("--minutes (the studio's booking says)") }
            if carePlan != nil { wrong.append("--care-plan (the studio sends the client's)") }
            if record != nil { wrong.append("--record (records go to --station-directory, then to the studio)") }
            if clientScript != nil { wrong.append("--client-script (a client is at the table)") }
            guard wrong.isEmpty else {
                throw ValidationError(
                    "a station taking its sessions from the studio does not take: \(wrong.joined(separator: "; "))")
            }
            try validateConsole()
            return
        }
        if simulated {
            guard studio != nil, station != nil else {
                throw ValidationError(
                    "--simulated takes its sessions from the studio: give --studio URL and --station N")
            }
            guard robot == nil else { throw ValidationError("give --robot or --simulated, not both") }
            guard clientScript == nil else {
                throw ValidationError("--client-script is for the session given here (--robot with --program)")
            }
            if microphone != nil || bodySensors != nil {
                throw ValidationError(
                    "--simulated has a simulated body: --microphone and --body-sensors are for a station on an arm "
                        + "(--robot udp://HOST:PORT)")
            }
            try validateConsole()
            return
        }
        if consoleListen != nil {
            throw ValidationError(
                "--console-listen is for stations taking their sessions from the studio (--station N)")
        }
        if station != nil {
            throw ValidationError(
                "--station N takes its sessions from the studio: drop --program (and --minutes, --care-plan, "
                    + "--record), or drop --station to run the session given here")
        }
        var missing: [String] = []
        if robot == nil { missing.append("--robot udp://HOST:PORT (or --simulated with --studio)") }
        if program == nil { missing.append("--program ID") }
        if minutes == nil { missing.append("--minutes N") }
        if carePlan == nil { missing.append("--care-plan FILE") }
        if record == nil { missing.append("--record FILE") }
        guard missing.isEmpty else {
            throw ValidationError(
                "a station on an arm runs the session given here, or with --studio and --station N the studio's; "
                    + "missing: \(missing.joined(separator: ", "))")
        }
    }

    private func validateConsole() throws {
        if let consoleListen, Self.hostAndPort(consoleListen) == nil {
            throw ValidationError("--console-listen \(consoleListen) is not HOST:PORT; write e.g. 127.0.0.1:8090")
        }
        if let consoleKey, consoleKey.count < 16 {
            throw ValidationError("--console-key is \(consoleKey.count) characters; give at least 16")
        }
    }

    func run() throws {
        if simulated {
            try runSimulated()
            return
        }
        if armFromStudio {
            try runArm()
            return
        }
        guard let robot, let program, let minutes, let carePlan, let record else { return }
        let catalog = try programs.catalog()
        guard let chosen = catalog.program(id: program) else {
            throw CommandError(
                "there is no program '\(program)'; choose one of: \(catalog.programs.map(\.id).joined(separator: ", "))"
            )
        }
        let day = CalendarDate.today()
        let care = try CarePlanFile.load(carePlan, asOf: day)
        let model = BodyModel(try body.measurements(defaultHeight: 172))
        let request = PlanRequest(program: chosen, minutes: minutes, carePlan: care, body: model, date: day)
        do {
            _ = try SessionPlanner().plan(request)
        } catch {
            throw CommandError(error.description)
        }
        let link: RobotLinkHardware
        do {
            link = try RobotLinkHardware(
                robot: try DatagramSocket.Endpoint(url: robot), frame: StationFrame(body: model),
                options: RobotLinkHardware.Options(mode: lockstep ? .lockstep : .realTime, station: "unknot station"))
            try link.configure()
        } catch let error as HardwareError {
            throw CommandError("the arm at \(robot): \(error)")
        } catch {
            throw ValidationError("--robot: \(error)")
        }
        guard let identity = link.identity else { return }
        let plan = try Self.planWithinReach(request, link: link, frame: StationFrame(body: model)).plan
        let engine = SessionEngine(plan: plan, carePlan: care, body: model)
        let keeper: RecordKeeper
        do {
            keeper = try RecordKeeper(
                path: record,
                header: SessionRecordHeader(
                    plan: plan, carePlan: care, startedAt: Date().timeIntervalSince1970, client: "client",
                    robot: identity))
        } catch {
            throw CommandError("\(error)")
        }
        let loop = StationLoop(
            engine: engine, hardware: link, pace: lockstep ? .asFastAsPossible : .realTime, script: try script())
        Self.say(
            "station: \(plan.programName), \(minutes) min, on \(identity.model) (\(identity.simulated ? "simulated" : "hardware"), "
                + "serial \(identity.serial)); record \(record)")
        let linkToStudio = try studioLink(for: loop, robot: identity)
        let table = SessionAtTable<RobotLinkHardware>()
        table.begin(loop, carePlan: care)
        let ears = StationHearing.listens(for: care) ? try Self.ears(microphone, calibration: hearingCalibration) : nil
        if microphone != nil, ears == nil {
            Self.say("station: the care plan does not let the station listen; the microphone stays off")
        }
        let memoryLocked = !lockstep && RealTimeThread.lockMemory()
        let signals = Self.haltOnSignals(loop)
        if microphone != "-" { Self.readConsole(into: loop) }
        if let sensors = try Self.bodySensorSocket(bodySensors) { try Self.readBodySensors(sensors, following: table) }
        if let ears {
            Thread {
                ears.run(following: table, shouldStop: { loop.outcome != nil })
                Self.say("station: the microphone's audio ended; \(ears.heard.count) sounds heard")
            }.start()
        }
        let ended = DispatchSemaphore(value: 0)
        let loopThread = Thread {
            do {
                try loop.run()
            } catch {
                FileHandle.standardError.write(Data("station: \(error)\n".utf8))
                loop.commands.post(.halt)
            }
            ended.signal()
        }
        loopThread.start()
        if !quiet { Self.printStatus(of: loop) }
        do {
            try keeper.keep(loop)
        } catch {
            throw CommandError("the record: \(error)")
        }
        ended.wait()
        linkToStudio?.cancel()
        _ = signals
        let status = loop.status
        switch loop.outcome {
        case .finished?: Self.say("station: the session finished at \(Self.clock(status.time)); record \(record)")
        case .halted(let at)?: Self.say("station: halted at \(Self.clock(at)); record \(record) (no summary)")
        case nil: break
        }
        let late = status.lateness
        Self.say(
            "station: \(status.ticks) ticks; lateness p50 \(late.p50) ms, p99 \(late.p99) ms, max \(late.max) ms (tick \(late.latestTick)); "
                + (status.realTimeScheduling ? "real-time scheduling" : "ordinary scheduling (no CAP_SYS_NICE)")
                + (memoryLocked ? ", memory locked" : ""))
    }

    /// The scripted client of `--client-script`, none without it.
    func script() throws -> ClientScript {
        guard let clientScript else { return ClientScript([]) }
        let text: String
        do {
            text = try String(contentsOfFile: clientScript, encoding: .utf8)
        } catch {
            throw ValidationError("--client-script \(clientScript) cannot be read: \(error.localizedDescription)")
        }
        do {
            return try ClientScript(text: text)
        } catch {
            throw ValidationError("--client-script \(clientScript): \(error)")
        }
    }

    /// The link to the studio, when one is given: on its own task, never waited on by the loop.
    func studioLink(for loop: StationLoop<RobotLinkHardware>, robot: RobotIdentity) throws -> Task<Void, Never>? {
        guard let studio else { return nil }
        guard let token = token ?? ProcessInfo.processInfo.environment["UNKNOT_STATION_TOKEN"], !token.isEmpty else {
            throw ValidationError(
                "--studio needs the station's credential: --token ust_… or UNKNOT_STATION_TOKEN (an admin issues it)")
        }
        let station = StationLoopLink(loop: loop, software: StudioLinkProtocol.software, robot: robot)
        let client = StudioLinkClient(studio: studio, token: token, logger: Logger(label: "unknot.station.link"))
        Self.say("station: linking to the studio at \(client.url)")
        return Task.detached { await client.run(station) }
    }

    /// The station's hearing on `microphone`, if one is given (it hears only sessions whose
    /// client lets the station listen).
    static func ears(_ microphone: String?, calibration: String?) throws -> StationHearing? {
        guard let microphone else { return nil }
        do {
            let levels =
                try calibration.map { try HearingCalibration(contentsOf: URL(fileURLWithPath: $0)) }
                ?? HearingCalibration.shipped()
            let source = try RawPCMSource(try RawPCMSource.Address(microphone))
            if case .udp = source.address { say("station: the microphone listens on udp port \(source.boundPort)") }
            return try StationHearing(source: source, calibration: levels)
        } catch {
            throw ValidationError("--microphone: \(error)")
        }
    }

    /// A line on standard output, written at once. (Not `print` and `fflush`: flushing every
    /// stream waits on standard input's lock, which the console's `readLine` holds while it waits.)
    static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    static func clock(_ ms: Int) -> String {
        String(format: "%d:%02d", ms / 60_000, ms / 1_000 % 60)
    }

    /// SIGINT and SIGTERM halt the loop (the arm lifts; the record is kept).
    static func haltOnSignals(_ loop: StationLoop<RobotLinkHardware>) -> [any DispatchSourceSignal] {
        [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { loop.commands.post(.halt) }
            source.resume()
            return source
        }
    }

    /// Lines typed at the terminal become the console's commands.
    static func readConsole(into loop: StationLoop<RobotLinkHardware>) {
        Thread {
            while let line = readLine() {
                let text = line.trimmingCharacters(in: .whitespaces)
                guard !text.isEmpty else { continue }
                do {
                    loop.commands.post(try StationCommand(typed: text))
                } catch {
                    FileHandle.standardError.write(Data("\(error)\n".utf8))
                }
            }
        }.start()
    }

    /// A status line every second of real time until the loop ends.
    static func printStatus(of loop: StationLoop<RobotLinkHardware>) {
        Thread {
            while loop.outcome == nil {
                var none = pollfd(fd: -1, events: 0, revents: 0)
                _ = poll(&none, 1, 1_000)
                let s = loop.status
                let area = s.part.map { "\($0)" } ?? "—"
                say(
                    "\(clock(s.time)) \(s.state.rawValue)\(s.emergencyStopped ? " (stopped by staff)" : "") \(area) "
                        + "level \(s.level) force \(String(format: "%.1f", s.force)) N; left \(clock(s.remaining)); "
                        + "lateness p99 \(s.lateness.p99) ms")
            }
        }.start()
    }
}
