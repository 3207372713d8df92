import ArgumentParser
import Foundation
import TwinPhysics
import UnknotCore
import UnknotRobotLink

/// `unknot-twin --listen udp://127.0.0.1:PORT [--lockstep]`: the physics twin of a station behind
/// the robot link, so that `unknot station --robot udp://…` drives MuJoCo's arm on the client's
/// body as it would drive hardware. It reports how well it followed while it runs and when stopped.
@main
struct TwinCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unknot-twin",
        abstract: "The physics twin of a station (MuJoCo) behind the robot link.",
        discussion: "A simulated arm and body: it says so in its handshake. See docs/twin.md.")

    @Option(help: "Where to listen: udp://HOST:PORT (port 0: any free port, printed).") var listen: String
    @Flag(help: "Serve lockstep only (one step per command, deterministic); refuse real time.") var lockstep = false
    @Option(help: "Height of the client on the table, cm (their body model).") var height: Double = 172
    @Option(help: "Milliseconds without a valid command before the arm lifts and holds (1-1000).")
    var watchdog: Int = 20
    @Option(help: "Write the tracking figures as JSON here when stopped.") var report: String?
    @Option(
        help: """
            A sore spot in the middle of a part, REGION:SIDE (e.g. shoulders:left): pressed at \
            pressure level 3 there (firmer than halfway from level 2), the muscle guards (its \
            stiffness rises toward 1.9 times).
            """)
    var soreSpot: [String] = []
    @Option(help: "Render the arm on the body mid-stroke offscreen (EGL) to this PNG file, once.") var picture: String?
    @Option(help: "Seconds into the session after which the picture is taken (at the next press).")
    var pictureAt: Double = 60
    @Option(help: "Seconds into the session after which the client moves (pushes up into the pad), once.")
    var bumpAt: Double?
    @Option(help: "How hard the client pushes up when they move, N (for 200 ms).") var bumpForce: Double = 60

    func validate() throws {
        guard (1...1_000).contains(watchdog) else { throw ValidationError("--watchdog must be 1-1000 ms") }
        guard (100...230).contains(height) else { throw ValidationError("--height must be 100-230 cm") }
        guard pictureAt >= 0, pictureAt.isFinite else {
            throw ValidationError("--picture-at must be 0 seconds or more")
        }
        if let bumpAt, !(bumpAt >= 0 && bumpAt.isFinite) {
            throw ValidationError("--bump-at must be 0 seconds or more")
        }
        guard (1...1_000).contains(bumpForce) else { throw ValidationError("--bump-force must be 1-1000 N") }
        let wrong = soreSpot.filter { Self.part($0) == nil }
        guard wrong.isEmpty else {
            throw ValidationError(
                "--sore-spot \(wrong.joined(separator: ", ")): write REGION:SIDE with a region of "
                    + "\(BodyRegion.allCases.map(\.rawValue).joined(separator: ", ")) and a side of left, right or midline"
            )
        }
    }

    /// "shoulders:left" as a part of the body.
    static func part(_ text: String) -> BodyPartID? {
        let pieces = text.split(separator: ":").map(String.init)
        guard pieces.count == 2, let region = BodyRegion(rawValue: pieces[0]), let side = BodySide(rawValue: pieces[1])
        else { return nil }
        return BodyPartID(region, side)
    }

    func run() throws {
        let address: DatagramSocket.Endpoint
        do {
            address = try DatagramSocket.Endpoint(url: listen)
        } catch {
            throw ValidationError("--listen: \(error)")
        }
        var arm: TwinArm
        do {
            arm = try TwinArm(measurements: BodyMeasurements(height: height), watchdogMilliseconds: watchdog)
        } catch {
            throw ValidationError("the twin's model: \(error)")
        }
        let model = BodyModel(BodyMeasurements(height: height))
        arm.tissue.soreSpots = soreSpot.compactMap(Self.part).map { ClientTissue.SoreSpot(in: $0, of: model) }
        let server: RobotLinkServer<TwinArm>
        do {
            server = try RobotLinkServer(
                listening: address, arm: arm, modes: lockstep ? [.lockstep] : [.realTime, .lockstep])
        } catch {
            throw ValidationError("--listen: \(error)")
        }
        let tracking = TrackingBox()
        let snapshot = picture.map { MidStrokePicture(world: arm.world, path: $0, afterSeconds: pictureAt) }
        let jolt = bumpAt.map { ClientJolt(world: arm.world, afterSeconds: $0, newtons: bumpForce) }
        server.onStep = { command, reading in
            tracking.value.record(command, reading)
            tracking.steps += 1
            snapshot?.consider(step: tracking.steps, command: command, reading: reading)
            jolt?.consider(step: tracking.steps, command: command, reading: reading)
            if tracking.steps % 60_000 == 0 {
                print("unknot-twin: \(tracking.steps / 1_000) s stepped; \(tracking.value.summary)")
                fflush(nil)
            }
        }
        let listening = (try? DatagramSocket.Endpoint(host: address.host, port: server.socket.localPort)) ?? address
        print(
            "unknot-twin: MuJoCo \(PhysicsWorld.version), a UR10e-class arm over a \(Int(height)) cm client, on "
                + "udp://\(listening)\(lockstep ? ", lockstep only" : ""); holds after \(watchdog) ms without a command"
        )
        fflush(nil)
        server.runUntilInterrupted(threadName: "unknot-twin loop")
        print("unknot-twin: stopped after \(server.steps) ms stepped; \(tracking.value.summary)")
        print(String(format: "unknot-twin: least manipulability %.4f", server.arm.leastManipulability))
        if let jolt { print("unknot-twin: \(jolt.summary)") }
        if let snapshot { print("unknot-twin: \(snapshot.write())") }
        if let report {
            let force = tracking.value.forceError
            let figures: [String: Double] = [
                "steps": Double(server.steps), "pressingMilliseconds": Double(tracking.value.pressing),
                "rmsForceErrorNewtons": force.newtons, "rmsForceErrorFraction": force.fraction,
                "rmsContactErrorCentimetres": tracking.value.positionError,
                "worstContactErrorCentimetres": tracking.value.worstPosition,
                "unplannedTouchMilliseconds": Double(tracking.value.unplannedTouch),
                "contactsAsked": Double(tracking.value.contactsAsked),
                "contactsLanded": Double(tracking.value.contactsLanded),
                "meanLandingMilliseconds": tracking.value.meanLanding,
                "worstLandingMilliseconds": Double(tracking.value.worstLanding),
            ].merging(jolt?.figures ?? [:]) { a, _ in a }
            let data = try JSONSerialization.data(withJSONObject: figures, options: [.sortedKeys, .prettyPrinted])
            try data.write(to: URL(fileURLWithPath: report))
        }
    }
}

/// The tracking figures, written by the arm's loop thread and read after it stops.
final class TrackingBox: @unchecked Sendable {
    var value = ContactTracking()
    var steps = 0
}
