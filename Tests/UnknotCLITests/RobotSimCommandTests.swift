import Foundation
import Testing
import UnknotCore
import UnknotRobotLink
import UnknotSession
import UnknotStation

/// `unknot robot-sim` as its own process, driven over the robot link on loopback.
@Suite struct RobotSimCommandTests {
    /// A running `unknot robot-sim` and the port it listens on.
    final class RobotSim {
        let process = Process()
        let port: UInt16
        /// What robot-sim prints after its first line.
        let output = Pipe()

        init(_ arguments: [String] = []) throws {
            process.executableURL = CommandLineTests.binary
            process.arguments = ["robot-sim", "--listen", "udp://127.0.0.1:0"] + arguments
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            // The first line names the port: "… on udp://127.0.0.1:PORT; …".
            var line = Data()
            while !line.contains(0x0A), let byte = try output.fileHandleForReading.read(upToCount: 1), !byte.isEmpty {
                line.append(byte)
            }
            let text = String(decoding: line, as: UTF8.self)
            guard let range = text.range(of: "udp://127.0.0.1:"),
                let port = UInt16(text[range.upperBound...].prefix { $0.isNumber })
            else {
                process.terminate()
                throw CommandError("robot-sim said: \(text)")
            }
            self.port = port
        }

        /// Reads robot-sim's output until a line contains `text` (`nil` once the output ends).
        func waitFor(_ text: String) -> String? {
            var line = Data()
            while let byte = try? output.fileHandleForReading.read(upToCount: 1), !byte.isEmpty {
                guard byte[byte.startIndex] == 0x0A else {
                    line.append(byte)
                    continue
                }
                let read = String(decoding: line, as: UTF8.self)
                if read.contains(text) { return read }
                line.removeAll()
            }
            return nil
        }

        func kill() {
            Foundation.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }

        deinit {
            if process.isRunning { kill() }
        }
    }

    struct CommandError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    static func link(_ robot: RobotSim, mode: RobotLinkMode) throws -> RobotLinkHardware {
        let link = try RobotLinkHardware(
            robot: try DatagramSocket.Endpoint(host: "127.0.0.1", port: robot.port),
            frame: StationFrame(body: BodyModel(BodyMeasurements(height: 172))),
            options: RobotLinkHardware.Options(mode: mode, station: "cli test"))
        try link.configure()
        try link.activate()
        return link
    }

    static let onTheBack = Setpoint(
        contact: true, position: SurfacePoint(x: 6, y: 38), face: .posterior, part: BodyPartID(.upperBack, .left),
        technique: .kneading, normalForce: 18, speed: 4)

    @Test("Lockstep: the simulated arm presses the simulated body, says it is simulated, and the force follows")
    func lockstepOverTheBody() throws {
        let robot = try RobotSim(["--seed", "3"])
        let link = try Self.link(robot, mode: .lockstep)
        #expect(link.identity?.simulated == true && link.identity?.model == "unknot robot-sim")
        var last: SensorFrame?
        for now in 1...600 {
            try link.write(now <= 5 ? Self.onTheBack.liftedOff : Self.onTheBack, at: now)
            last = link.read(at: now)
            #expect(last?.status == .ready, "tick \(now)")
        }
        let frame = try #require(last)
        #expect(abs(frame.measuredForce - 18) < 1.5, "\(frame.measuredForce)")
        #expect(frame.tissueStiffness > 5, "the upper back's tissue: \(frame.tissueStiffness) N/cm")
        let report = try #require(link.lastReport)
        #expect(report.position.z < 30 && report.position.z > 5, "the tool on the back: \(report.position)")
    }

    @Test("Killed robot-sim (SIGKILL): the station reads a fault within a few ticks")
    func robotKilled() throws {
        let robot = try RobotSim()
        let link = try Self.link(robot, mode: .lockstep)
        try link.write(Self.onTheBack.liftedOff, at: 1)
        #expect(link.read(at: 1)?.status == .ready)
        robot.kill()
        var fault: RobotStatus?
        for now in 2...4 where fault == nil {
            try? link.write(Self.onTheBack.liftedOff, at: now)
            if let status = link.read(at: now)?.status, status.isFault { fault = status }
        }
        #expect(fault == .fault(code: RobotLinkFault.unreachable) || fault == .fault(code: RobotLinkFault.noReply))
    }

    @Test("The station falls silent (as if killed): robot-sim lifts and holds 20 ms after its last command")
    func stationSilent() throws {
        let robot = try RobotSim()
        let link = try Self.link(robot, mode: .realTime)
        let clock = ContinuousClock()
        let start = clock.now
        var now = 0
        var pressed = false
        func look() -> RobotReport? {
            guard link.read(at: now) != nil, let report = link.lastReport else { return nil }
            if report.status == .ready, report.force > 10 { pressed = true }
            return report
        }
        // robot-sim's clock in real time is this machine's monotonic clock, so the moment the last
        // command left is comparable with the robot's report times.
        var lastSent: Int64 = 0
        while clock.now - start < .milliseconds(300) {
            now += 1
            try link.write(now < 10 ? Self.onTheBack.liftedOff : Self.onTheBack, at: now)
            lastSent = Self.monotonicMicroseconds()
            _ = look()
            Self.pause()
        }
        #expect(pressed)
        var held: RobotReport?
        let silent = clock.now
        while held == nil, clock.now - silent < .seconds(2) {
            if let report = look(), report.status == .holding { held = report }
            Self.pause()
        }
        let hold = try #require(held)
        // Not before the watchdog's 20 ms from the last command (which reached the robot after it
        // was sent). How soon after is the endpoint's test, on a virtual clock; a loaded machine
        // may wake the robot's loop late, which is measured in docs/robot-link.md, not held here.
        let afterLastCommand = Double(hold.time - lastSent) / 1_000
        #expect(hold.sequence == UInt64(now))
        #expect(afterLastCommand >= 20, "held \(afterLastCommand) ms after the last command was sent")
        // And the arm is off the skin soon after: under 1 N within 50 ms of the hold.
        var settled: RobotReport?
        while settled == nil, clock.now - silent < .seconds(3) {
            if let report = look(), report.time >= hold.time + 50_000 { settled = report }
            Self.pause()
        }
        let off = try #require(settled)
        #expect(off.status == .holding && off.force < 1, "\(off.force) N at \(off.time - hold.time) µs after the hold")
    }

    @Test("A wrong --listen, --watchdog or --persona is named with how to write it")
    func badOptions() throws {
        for (arguments, expected) in [
            (["--listen", "127.0.0.1:7400"], "udp://HOST:PORT"),
            (["--listen", "udp://localhost:7400"], "IPv4"),
            (["--listen", "udp://127.0.0.1:70000"], "no port"),
            (["--listen", "udp://127.0.0.1:0", "--watchdog", "0"], "--watchdog must be 1-1000 ms"),
            (["--listen", "udp://127.0.0.1:0", "--persona", "nobody"], "choose one of"),
        ] {
            let process = Process()
            process.executableURL = CommandLineTests.binary
            process.arguments = ["robot-sim"] + arguments
            let err = Pipe()
            process.standardError = err
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus != 0, "\(arguments)")
            #expect(text.contains(expected), "\(arguments): \(text)")
        }
    }

    static func monotonicMicroseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int64(now.tv_sec) * 1_000_000 + Int64(now.tv_nsec) / 1_000
    }

    /// About a millisecond, through `poll` on nothing (the loop reads whatever arrived each pass).
    static func pause() {
        var none = pollfd(fd: -1, events: 0, revents: 0)
        _ = poll(&none, 1, 1)
    }
}
