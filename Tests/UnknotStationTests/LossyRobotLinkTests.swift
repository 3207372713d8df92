import Foundation
import Synchronization
import Testing
import UnknotCore
import UnknotDemoStations
import UnknotPlanning
import UnknotRobotLink
import UnknotSession
import UnknotSimulation
import UnknotTesting

@testable import UnknotStation

/// The robot link over a bad network (issue #15): the station's loop in real time, a
/// ``LossyProxy`` (1 % loss, up to 5 ms of jitter, so reordering, 1 % duplicates) and the
/// simulated arm and body behind a ``RobotLinkServer``, on loopback. A session completes with no
/// fault and no force step above the rise limit; a 200 ms blackout lifts the arm, and nothing
/// presses again until the client resumes. Real time: run alone with the other timing checks
/// (`UNKNOT_TIMING_CHECKS=1`).
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["UNKNOT_TIMING_CHECKS"] == "1"))
struct LossyRobotLinkTests {
    /// What the arm followed, millisecond by millisecond, on the robot's thread.
    final class ArmLog: @unchecked Sendable {
        var commands: [RobotCommand] = []
        var forces: [Double] = []
        let holds = Atomic<Int>(0)
        /// Robot-side index of the first hold.
        var firstHold: Int?
    }

    /// The arm behind the proxy, both on their own threads; `stop` ends them.
    struct Bench {
        let server: RobotLinkServer<SimulatedRobotArm>
        let proxy: LossyProxy
        let log: ArmLog
        let stop: () -> Void
    }

    static func bench(seed: UInt64, impairment: LossyProxy.Impairment = .init()) throws -> Bench {
        let arm = SimulatedRobotArm(body: SimulatedBody(model: Fixtures.body), seed: seed, watchdogMilliseconds: 20)
        let server = try RobotLinkServer(
            listening: try DatagramSocket.Endpoint(host: "127.0.0.1", port: 0), arm: arm)
        let log = ArmLog()
        log.commands.reserveCapacity(200_000)
        log.forces.reserveCapacity(200_000)
        server.onStep = { command, reading in
            log.commands.append(command)
            log.forces.append(reading.force)
        }
        server.onHold = { _, _, _ in
            if log.firstHold == nil { log.firstHold = log.commands.count }
            log.holds.add(1, ordering: .relaxed)
        }
        let proxy = try LossyProxy(to: server.socket.localPort, seed: seed, impairment: impairment)
        let done = DispatchSemaphore(value: 0)
        for body: @Sendable () -> Void in [{ server.run() }, { proxy.run() }] {
            Thread {
                body()
                done.signal()
            }.start()
        }
        return Bench(server: server, proxy: proxy, log: log) {
            server.stop()
            proxy.stop()
            done.wait()
            done.wait()
        }
    }

    /// A loop on the arm through the proxy, for a plan of `minutes` (a program's length made short).
    static func loop(through proxy: LossyProxy, minutes: Int) throws -> StationLoop<RobotLinkHardware> {
        var program = try #require(Fixtures.catalog().program(id: "total-back"))
        program.lengths = [minutes]
        let care = CarePlan()
        let plan = try SessionPlanner().plan(
            PlanRequest(program: program, minutes: minutes, carePlan: care, body: Fixtures.body, date: Fixtures.day))
        let link = try RobotLinkHardware(
            robot: try DatagramSocket.Endpoint(host: "127.0.0.1", port: proxy.port),
            frame: StationFrame(body: Fixtures.body), options: RobotLinkHardware.Options(station: "lossy test"))
        try link.configure()
        try link.activate()
        return StationLoop(
            engine: SessionEngine(plan: plan, carePlan: care, body: Fixtures.body), hardware: link, pace: .realTime)
    }

    /// Takes the loop's events until it ends, or halts it after `limit` (a session that cannot end,
    /// such as one faulted and waiting for staff, fails the test instead of hanging the run: a CI
    /// run once waited here for a quarter of an hour).
    static func events(of loop: StationLoop<RobotLinkHardware>, limit: Duration) -> [TimedEvent] {
        var events: [TimedEvent] = []
        let deadline = ContinuousClock.now + limit
        while loop.outcome == nil {
            loop.events.drain(into: &events)
            if ContinuousClock.now > deadline {
                let status = loop.status
                let why =
                    "the session had not ended after \(limit): \(status.state), contact \(status.contact); "
                    + "last events \(events.suffix(8))"
                Issue.record("\(why)")
                loop.commands.post(.halt)
                while loop.outcome == nil { _ = DatagramSocketWaiter.wait(milliseconds: 10) }
                break
            }
            _ = DatagramSocketWaiter.wait(milliseconds: 10)
        }
        loop.events.drain(into: &events)
        return events
    }

    @Test("A lossy link: the session completes with no fault and no force step above the rise limit")
    func lossySessionCompletes() throws {
        let bench = try Self.bench(seed: 11)
        let loop = try Self.loop(through: bench.proxy, minutes: 1)
        let outcome = StationLoopTests.start(loop)
        let events = Self.events(of: loop, limit: .seconds(240))
        let ended = outcome()
        bench.stop()
        let counts = bench.proxy.counts
        let faults = events.filter { if case .fault = $0.event { true } else { false } }
        #expect(faults.isEmpty, "faults: \(faults.prefix(3))")
        guard case .finished? = ended else {
            Issue.record("the session did not finish: \(String(describing: ended))")
            return
        }
        // The network was bad: datagrams lost, doubled and overtaken, both ways.
        #expect(counts.dropped > 100 && counts.duplicated > 100 && counts.reordered > 100, "\(counts)")
        #expect(bench.log.holds.load(ordering: .relaxed) == 0, "the arm's watchdog held")
        // What the arm followed never rose faster than the supervisor's limit, whatever was lost.
        var steepest = 0.0
        var previous: RobotCommand?
        for command in bench.log.commands where command.sequence != previous?.sequence {
            if let before = previous {
                let milliseconds = max(1, Double(command.time - before.time) / 1_000)
                steepest = max(steepest, (command.force - before.force) / milliseconds)
            }
            previous = command
        }
        #expect(steepest <= SafetySupervisor.risePerTick + 1e-6, "the demand rose \(steepest) N in one ms")
        let pressed = bench.log.forces.max() ?? 0
        #expect(pressed > 5, "the arm never pressed: \(pressed) N")
        print(
            "lossy link: \(counts); steepest demanded rise \(steepest) N/ms; measured force up to \(pressed) N; "
                + "tick lateness p99 \(loop.status.lateness.p99) ms")
    }

    @Test("A 200 ms blackout lifts the arm; nothing presses again until the client resumes")
    func blackoutLifts() throws {
        let bench = try Self.bench(seed: 12)
        let loop = try Self.loop(through: bench.proxy, minutes: 15)
        let outcome = StationLoopTests.start(loop)
        defer {
            loop.commands.post(.halt)
            _ = outcome()
            bench.stop()
        }
        let clock = ContinuousClock()
        // Pressing for half a second first.
        var pressingSince: ContinuousClock.Instant?
        let start = clock.now
        while clock.now - start < .seconds(60) {
            let status = loop.status
            if status.state == .working, status.contact, status.force > 2 {
                pressingSince = pressingSince ?? clock.now
                if clock.now - pressingSince! > .milliseconds(500) { break }
            } else {
                pressingSince = nil
            }
            _ = DatagramSocketWaiter.wait(milliseconds: 5)
        }
        try #require(pressingSince != nil, "the arm never pressed: \(loop.status)")
        bench.proxy.blackout(milliseconds: 200)
        let blackedOutAt = clock.now
        var faultedAfter: Duration?
        while clock.now - blackedOutAt < .seconds(2), faultedAfter == nil {
            if loop.status.state == .faulted { faultedAfter = clock.now - blackedOutAt }
            _ = DatagramSocketWaiter.wait(milliseconds: 1)
        }
        #expect(faultedAfter != nil, "the station did not fault: \(loop.status.state)")
        #expect(bench.log.holds.load(ordering: .relaxed) >= 1, "the arm's watchdog never held")
        // Long after the link is back, still lifted and stopped: nothing resumes by itself.
        _ = DatagramSocketWaiter.wait(milliseconds: 1_500)
        let waited = loop.status
        #expect(waited.state == .faulted && !waited.contact, "\(waited.state), contact \(waited.contact)")
        let heldAt = try #require(bench.log.firstHold)
        let resumedAt = bench.log.commands.count
        let pressedWhileHeld = bench.log.commands[heldAt..<resumedAt].contains { $0.contact }
        #expect(!pressedWhileHeld, "the arm took contact before the client resumed")
        // The client resumes: the session carries on.
        loop.commands.post(.control(.resume))
        var working = false
        let resumed = clock.now
        while clock.now - resumed < .seconds(5), !working {
            working = loop.status.state == .working
            _ = DatagramSocketWaiter.wait(milliseconds: 5)
        }
        #expect(working, "the session did not carry on after Resume: \(loop.status.state)")
        print("blackout: faulted \(faultedAfter.map { "\($0)" } ?? "never") after it began; \(bench.proxy.counts)")
    }
}
