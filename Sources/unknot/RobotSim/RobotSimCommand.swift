import ArgumentParser
import Dispatch
import Foundation
import UnknotCore
import UnknotDemoStations
import UnknotRobotLink
import UnknotSimulation
import UnknotStation

/// `unknot robot-sim`: a simulated arm over a simulated body, behind the robot link, as its own
/// process — what a station connects to until an integrator connects a real arm.
struct RobotSimCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "robot-sim",
        abstract: "Serve a simulated robot arm and body over the robot link (UDP; docs/robot-link.md).",
        discussion: """
            Listens for one station at a time. In real time the arm steps on its own 1 kHz clock, \
            reports every millisecond, and lifts and holds after --watchdog ms without a valid \
            command; a station that asks for lockstep steps it once per command instead. \
            Everything it reports is labelled simulated.
            """)

    @Option(help: "Where to listen: udp://HOST:PORT (port 0: any free port, printed).") var listen: String
    @Option(help: "Who is on the table: \(Persona.names.joined(separator: ", ")) (default: nobody in particular).")
    var persona: String?
    @Option(help: "Seed of the simulated body and the sensors' noise.") var seed: UInt64 = 1
    @Option(help: "Height of the simulated body, cm.") var height: Double = 172
    @Option(help: "Milliseconds without a valid command before the arm lifts and holds (1-1000).")
    var watchdog: Int = 20

    func validate() throws {
        guard (1...1_000).contains(watchdog) else { throw ValidationError("--watchdog must be 1-1000 ms") }
        guard (100...230).contains(height) else { throw ValidationError("--height must be 100-230 cm") }
        if let persona, Persona.named(persona, seed: seed) == nil {
            throw ValidationError(
                "there is no persona '\(persona)'; choose one of: \(Persona.names.joined(separator: ", "))")
        }
    }

    func run() throws {
        let address: DatagramSocket.Endpoint
        do {
            address = try DatagramSocket.Endpoint(url: listen)
        } catch {
            throw ValidationError("--listen: \(error)")
        }
        let model = BodyModel(BodyMeasurements(height: height))
        let body =
            persona.flatMap { Persona.named($0, seed: seed) }.map { SimulatedClient.body(for: $0, on: model) }
            ?? SimulatedBody(model: model)
        let arm = SimulatedRobotArm(body: body, seed: seed, watchdogMilliseconds: watchdog)
        let server: RobotLinkServer<SimulatedRobotArm>
        do {
            server = try RobotLinkServer(listening: address, arm: arm)
        } catch {
            throw CommandError("\(error)")
        }
        // Each watchdog hold, when it happened on the robot's clock (the monotonic clock, µs) and how
        // long after the last command, for integrators and for the station-killed check.
        server.onHold = { at, last, command in
            FileHandle.standardOutput.write(
                Data(
                    ("robot-sim: held at \(at) µs, \(String(format: "%.1f", Double(at - last) / 1_000)) ms after the "
                        + "last command (station time \(command.time / 1_000) ms)\n").utf8))
        }
        let listening = (try? DatagramSocket.Endpoint(host: address.host, port: server.socket.localPort)) ?? address
        print(
            "robot-sim: a simulated arm and body (\(persona ?? "nobody in particular"), seed \(seed), \(Int(height)) cm) "
                + "on udp://\(listening); lifts and holds after \(watchdog) ms without a command")
        fflush(nil)
        server.runUntilInterrupted(threadName: "robot-sim loop")
        print(
            "robot-sim: stopped after \(server.steps) ms stepped; \(server.endpoint.watchdogHolds) watchdog holds, "
                + "\(server.endpoint.invalid) invalid datagrams, \(server.strangers) from strangers")
    }
}
