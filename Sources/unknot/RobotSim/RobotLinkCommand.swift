import ArgumentParser
import UnknotCore
import UnknotRobotLink
import UnknotSession
import UnknotStation

/// `unknot robot-link probe`: checks an arm's robot link without touching anyone.
struct RobotLinkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "robot-link", abstract: "Check a robot link (docs/robot-link.md).", subcommands: [Probe.self])

    struct Probe: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Handshake with an arm, send it commands without contact, and measure the link.",
            discussion: """
                Prints what the arm says it is, the round trip from a command to the first report \
                that applied it (p50, p99, max), commands never answered, and, in real time, how \
                long the arm takes to lift and hold once the commands stop (on its own clock). \
                The arm is never asked to touch anything.
                """)

        @Option(help: "The arm: udp://HOST:PORT.") var robot: String
        @Option(help: "Commands to send (1 kHz in real time).") var commands: Int = 2_000
        @Flag(help: "Ask for lockstep (simulated arms only): one step per command, as fast as both go.")
        var lockstep = false

        func validate() throws {
            guard (1...600_000).contains(commands) else { throw ValidationError("--commands must be 1-600000") }
        }

        func run() throws {
            let link: RobotLinkHardware
            do {
                link = try RobotLinkHardware(
                    robot: try DatagramSocket.Endpoint(url: robot),
                    frame: StationFrame(body: BodyModel(BodyMeasurements(height: 172))),
                    options: RobotLinkHardware.Options(mode: lockstep ? .lockstep : .realTime, station: "unknot probe"))
            } catch {
                throw ValidationError("--robot: \(error)")
            }
            do {
                try link.configure()
                try link.activate()
                guard let identity = link.identity else { return }
                print(
                    "\(identity.model) (serial \(identity.serial)\(identity.simulated ? ", simulated" : "")): "
                        + "up to \(identity.maximumForce.formatted()) N and \(identity.maximumSpeed.formatted()) cm/s, "
                        + "holds after \(identity.watchdogMilliseconds) ms without a command")
                let figures = try RobotLinkProbe(link: link).run(commands: commands)
                try? link.deactivate()
                func ms(_ p: Double) -> String {
                    figures.roundTrip(percentile: p).formatted(.number.precision(.fractionLength(3)))
                }
                print(
                    "\(figures.commands) commands (\(lockstep ? "lockstep" : "real time")): round trip p50 \(ms(0.5)) ms, "
                        + "p99 \(ms(0.99)) ms, max \(ms(1)) ms; \(figures.unanswered) overtaken (a newer command "
                        + "reached the arm before its next report), "
                        + "\(figures.statistics.staleReports) stale reports, \(figures.statistics.invalidDatagrams) invalid"
                )
                if let hold = figures.holdAfterMilliseconds {
                    print("held \(hold.formatted(.number.precision(.fractionLength(1)))) ms after its last command")
                } else if !lockstep {
                    throw CommandError("the arm did not report holding within 2 s of the last command")
                }
            } catch let error as HardwareError {
                throw CommandError("\(error)")
            }
        }
    }
}
