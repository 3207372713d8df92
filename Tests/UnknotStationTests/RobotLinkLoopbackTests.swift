import Foundation
import Testing
import UnknotCore
import UnknotSession

@testable import UnknotRobotLink
@testable import UnknotStation

/// The robot link over real UDP on loopback: a ``RobotLinkServer`` with a test arm on its own
/// thread, the station's ``RobotLinkHardware`` on the test's.
@Suite struct RobotLinkLoopbackTests {
    /// A server on a free loopback port, serving on a thread until the returned stop is called.
    static func serve(
        _ arm: FirstOrderArm = FirstOrderArm(), modes: Set<RobotLinkMode> = [.realTime, .lockstep]
    ) throws -> (RobotLinkServer<FirstOrderArm>, () -> Void) {
        let server = try RobotLinkServer(
            listening: try DatagramSocket.Endpoint(host: "127.0.0.1", port: 0), arm: arm, modes: modes)
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            server.run()
            done.signal()
        }
        thread.start()
        return (
            server,
            {
                server.stop()
                done.wait()
            }
        )
    }

    static func hardware(port: UInt16, mode: RobotLinkMode, handshake: Int = 2_000) throws -> RobotLinkHardware {
        try RobotLinkHardware(
            robot: try DatagramSocket.Endpoint(host: "127.0.0.1", port: port),
            frame: StationFrame(body: BodyModel(BodyMeasurements(height: 172))),
            options: RobotLinkHardware.Options(mode: mode, handshakeMilliseconds: handshake, station: "test station"))
    }

    /// Runs `ticks` lockstep ticks: lifted for 10, then pressing toward 20 N; returns the forces read.
    static func lockstepForces(ticks: Int) throws -> [Double] {
        let (server, stop) = try serve()
        defer { stop() }
        let link = try hardware(port: server.socket.localPort, mode: .lockstep)
        try link.configure()
        try link.activate()
        var forces: [Double] = []
        for now in 1...ticks {
            try link.write(now <= 10 ? .liftedOverBack : .pressing(20), at: now)
            let frame = try #require(link.read(at: now))
            #expect(frame.status == .ready, "tick \(now): \(frame.status)")
            forces.append(frame.measuredForce)
        }
        try link.deactivate()
        return forces
    }

    @Test("An arm serving lockstep only steps on commands alone, never while it waits for its station")
    func lockstepOnlyStepsOnCommands() throws {
        let (server, stop) = try Self.serve(modes: [.lockstep])
        defer { stop() }
        // Its thread runs (and, before the fix, stepped its arm in real time) until the station comes.
        #expect(server.socket.wait(milliseconds: 30) == false)
        let link = try Self.hardware(port: server.socket.localPort, mode: .lockstep)
        try link.configure()
        try link.activate()
        for now in 1...50 {
            try link.write(now <= 10 ? .liftedOverBack : .pressing(20), at: now)
            _ = try #require(link.read(at: now))
        }
        #expect(server.steps == 50, "\(server.steps) steps for 50 commands")
        try link.deactivate()
    }

    @Test("Handshake: the station learns the arm's model, limits and watchdog; steps out of order are refused")
    func handshake() throws {
        let (server, stop) = try Self.serve()
        defer { stop() }
        let link = try Self.hardware(port: server.socket.localPort, mode: .realTime)
        #expect(throws: HardwareError.notActive) { try link.write(.liftedOverBack, at: 1) }
        #expect(throws: HardwareError.wrongState(.unconfigured, expected: .inactive)) { try link.activate() }
        try link.configure()
        #expect(link.lifecycle == .inactive)
        #expect(link.identity?.model == "test arm" && link.identity?.watchdogMilliseconds == 20)
        #expect(link.identity?.simulated == true && link.identity?.maximumForce == 60)
        try link.activate()
        #expect(link.lifecycle == .active)
        try link.deactivate()
        #expect(link.lifecycle == .inactive)
    }

    @Test("Lockstep: every command is answered, the force follows it, and two runs are identical")
    func lockstep() throws {
        let first = try Self.lockstepForces(ticks: 400)
        let second = try Self.lockstepForces(ticks: 400)
        #expect(first == second)
        #expect(first[0..<10].allSatisfy { $0 == 0 })
        #expect(abs(first[399] - 20) < 0.01, "\(first[399])")
    }

    @Test("Nothing listening: configure says so after its time, not later")
    func unreachable() throws {
        let probe = try DatagramSocket(bindingTo: try DatagramSocket.Endpoint(host: "127.0.0.1", port: 0))
        let port = probe.localPort
        let link = try Self.hardware(port: port, mode: .realTime, handshake: 300)
        _ = consume probe
        let started = ContinuousClock.now
        #expect(throws: HardwareError.unreachable(afterMilliseconds: 300)) { try link.configure() }
        #expect(ContinuousClock.now - started < .seconds(5))
        #expect(link.lifecycle == .unconfigured)
    }

    @Test("A second station is refused while the first drives the arm")
    func busy() throws {
        let (server, stop) = try Self.serve()
        defer { stop() }
        let first = try Self.hardware(port: server.socket.localPort, mode: .lockstep)
        try first.configure()
        try first.activate()
        try first.write(.liftedOverBack, at: 1)
        _ = first.read(at: 1)
        let second = try Self.hardware(port: server.socket.localPort, mode: .lockstep)
        #expect(throws: HardwareError.refused("another station is driving this arm")) { try second.configure() }
    }

    @Test("The robot process gone: the station reads a fault at once, not a silence")
    func robotGone() throws {
        var (server, stop): (RobotLinkServer<FirstOrderArm>?, () -> Void) = try Self.serve()
        let link = try Self.hardware(port: server!.socket.localPort, mode: .lockstep)
        try link.configure()
        try link.activate()
        try link.write(.liftedOverBack, at: 1)
        #expect(link.read(at: 1)?.status == .ready)
        stop()
        server = nil  // closes the robot's socket
        var status: RobotStatus?
        for now in 2...5 {
            do {
                try link.write(.liftedOverBack, at: now)
            } catch {
                #expect(error == .sendFailed(errno: ECONNREFUSED))
            }
            status = link.read(at: now)?.status
            if status?.isFault == true { break }
        }
        #expect(status == .fault(code: RobotLinkFault.unreachable) || status == .fault(code: RobotLinkFault.noReply))
    }

    @Test("Real time: the arm reports every millisecond, and lifts and holds 20 ms after the commands stop")
    func realTimeWatchdog() throws {
        let (server, stop) = try Self.serve()
        let link = try Self.hardware(port: server.socket.localPort, mode: .realTime)
        try link.configure()
        try link.activate()
        // Commands for a while (pressing after a lift), read as they come, without sleeping:
        // the wait is on the socket.
        let clock = ContinuousClock()
        let start = clock.now
        var now = 0
        var pressed = false
        // The server's clock is this machine's monotonic clock: the moment the last command left
        // is comparable with the times in its reports.
        var lastSent: Int64 = 0
        while clock.now - start < .milliseconds(400) {
            now += 1
            try link.write(now < 20 ? .liftedOverBack : .pressing(20), at: now)
            lastSent = RobotLinkServer<FirstOrderArm>.monotonicMicroseconds()
            if let frame = link.read(at: now), frame.measuredForce > 15 { pressed = true }
            _ = DatagramSocketWaiter.wait(milliseconds: 1)
        }
        #expect(pressed)
        // Silence: the next reports say holding.
        let silent = clock.now
        var hold: RobotReport?
        while clock.now - silent < .seconds(2), hold == nil {
            if let frame = link.read(at: now), frame.status == .fault(code: RobotLinkFault.holding) {
                hold = link.lastReport
            }
            _ = DatagramSocketWaiter.wait(milliseconds: 1)
        }
        stop()
        let held = try #require(hold)
        // Not before 20 ms from the last command (which reached the arm after it left); how soon
        // after is the endpoint's test on a virtual clock (a loaded machine wakes loops late).
        #expect(held.time - lastSent >= 20_000, "held \(held.time - lastSent) µs after the last command left")
        #expect(held.sequence == UInt64(now))
        #expect(server.endpoint.watchdogHolds >= 1)
    }
}

/// Waits on nothing but time, through `poll`, for pacing a test loop (not a sleep between steps:
/// the test reads whatever has arrived on each pass).
enum DatagramSocketWaiter {
    static func wait(milliseconds: Int) -> Bool {
        var none = pollfd(fd: -1, events: 0, revents: 0)
        return poll(&none, 1, Int32(milliseconds)) > 0
    }
}
