import ArgumentParser
import Dispatch
import Foundation
import Logging
import UnknotCore
import UnknotPlanning
import UnknotRobotLink
import UnknotSession
import UnknotStation
import UnknotStudioLink

extension StationCommandLine {
    /// `--robot` with `--studio` and `--station` (no `--program`): a station on an arm, taking its
    /// sessions from the studio. Each session gets its own link to the arm (the client's body sets
    /// the station frame) and its own 1 kHz loop on a real-time thread; the runtime takes what the
    /// loop did every 10 ms, keeps the record on the station's disk (synced as it goes) and relays
    /// it all to the studio. Runs until SIGINT or SIGTERM (a running session halts: the arm lifts;
    /// it is reported interrupted, its record delivered, when the station starts again).
    func runArm() throws {
        guard let robot, let studio, let station else { return }
        guard let token = token ?? ProcessInfo.processInfo.environment["UNKNOT_STATION_TOKEN"], !token.isEmpty else {
            throw ValidationError(
                "--studio needs the station's credential: --token ust_… or UNKNOT_STATION_TOKEN (an admin issues it)")
        }
        let address: DatagramSocket.Endpoint
        do {
            address = try DatagramSocket.Endpoint(url: robot)
        } catch {
            throw ValidationError("--robot: \(error)")
        }
        let arm = try Self.probe(address)
        Self.say(
            "station \(station): on \(arm.model) (\(arm.simulated ? "simulated" : "hardware"), serial \(arm.serial)), "
                + "linking to the studio at \(studio); records in \(stationDirectory)")
        var stationLogger = Logger(label: "unknot.station")
        stationLogger.logLevel = quiet ? .warning : .info
        let logger = stationLogger
        let table = SessionAtTable<RobotLinkHardware>()
        let runtime = try StationRuntime<LoopStation<RobotLinkHardware>>(
            name: "Station \(station)", directory: URL(fileURLWithPath: stationDirectory),
            software: StudioLinkProtocol.software, arm: arm,
            plan: Self.armPlanner(robot: address, catalog: try programs.catalog(), table: table))
        if let sensors = try Self.bodySensorSocket(bodySensors) { try Self.readBodySensors(sensors, following: table) }
        if let ears = try Self.ears(microphone, calibration: hearingCalibration) {
            Self.say(
                "station \(station): the microphone is heard only in sessions whose client lets the station listen")
            Thread { ears.run(following: table) }.start()
        }
        let memoryLocked = RealTimeThread.lockMemory()
        if !memoryLocked { Self.say("station \(station): memory not locked (no CAP_IPC_LOCK); the loop runs anyway") }
        let client = StudioLinkClient(studio: studio, token: token, logger: logger)
        let console = consoleAddress(station: station)
        Self.runUntilSignalled(
            [{ await client.run(runtime) }, { await runtime.followInRealTime() }]
                + Self.consoleJob(runtime, at: console, logger: logger),
            finally: { await runtime.shutDown() })
        Self.say("station \(station): stopped")
    }

    /// Shakes hands with the arm once (its model, serial, limits), then lets it go.
    static func probe(_ address: DatagramSocket.Endpoint) throws -> RobotIdentity {
        do {
            let link = try RobotLinkHardware(
                robot: address, frame: StationFrame(body: BodyModel(BodyMeasurements(height: 172))),
                options: RobotLinkHardware.Options(station: "unknot station"))
            try link.configure()
            try link.activate()
            try link.deactivate()
            guard let identity = link.identity else { throw CommandError("the arm did not say what it is") }
            return identity
        } catch let error as HardwareError {
            throw CommandError("the arm at \(address): \(error)")
        }
    }

    /// Plans each assigned session on the arm: the planner's session for the client's body, a link
    /// to the arm in that body's frame (configured and active), and the loop started and put on
    /// `table` for the body sensors and the microphone.
    static func armPlanner(
        robot: DatagramSocket.Endpoint, catalog: ProgramCatalog, table: SessionAtTable<RobotLinkHardware>
    ) -> StationRuntime<LoopStation<RobotLinkHardware>>.Planner {
        { assignment in
            guard let program = catalog.program(id: assignment.programID) else {
                throw CommandError("the program \(assignment.programID) is not on this station")
            }
            let body = BodyModel(assignment.body ?? BodyMeasurements(height: 172))
            let request = PlanRequest(
                program: program, minutes: assignment.minutes, carePlan: assignment.carePlan, body: body,
                date: assignment.date)
            do {
                _ = try SessionPlanner().plan(request)
            } catch {
                throw CommandError("the session cannot be planned: \(error)")
            }
            let link = try RobotLinkHardware(
                robot: robot, frame: StationFrame(body: body),
                options: RobotLinkHardware.Options(station: "unknot station"))
            do {
                try link.configure()
            } catch {
                throw CommandError("the arm at \(robot): \(error)")
            }
            let plan = try planWithinReach(request, link: link, frame: StationFrame(body: body)).plan
            do {
                try link.activate()
            } catch {
                throw CommandError("the arm at \(robot): \(error)")
            }
            guard let identity = link.identity else { throw CommandError("the arm did not say what it is") }
            let engine = SessionEngine(plan: plan, carePlan: assignment.carePlan, body: body)
            let loop = StationLoop(engine: engine, hardware: link, pace: .realTime)
            table.begin(loop, carePlan: assignment.carePlan)
            return LoopStation(loop: loop, plan: plan, carePlan: assignment.carePlan, robot: identity)
        }
    }
}
