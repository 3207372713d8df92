import Foundation
import Testing
import UnknotCore
import UnknotPlanning
import UnknotSession
import UnknotTesting

@testable import UnknotStation

/// The station's loop: commands act on the next tick, a refused setpoint faults, the record
/// reaches the disk, a lockstep arm makes it deterministic, and real time is kept.
@Suite struct StationLoopTests {
    static func engine(_ program: String = "total-back", minutes: Int = 30) throws -> SessionEngine {
        let care = CarePlan()
        let plan = try SessionPlanner().plan(Fixtures.request(program, minutes: minutes, carePlan: care))
        return SessionEngine(plan: plan, carePlan: care, body: Fixtures.body)
    }

    /// Runs `loop` on a thread; returns a wait for its outcome.
    static func start<H>(_ loop: StationLoop<H>) -> () -> StationLoop<H>.Outcome? {
        let done = DispatchSemaphore(value: 0)
        Thread {
            _ = try? loop.run()
            done.signal()
        }.start()
        return {
            done.wait()
            return loop.outcome
        }
    }

    /// Posts `command` once the loop has passed `time` ms, then halts it at `until`.
    static func drive<H>(_ loop: StationLoop<H>, posting command: StationCommand, after time: Int, haltAt until: Int) {
        var posted = false
        while true {
            let now = loop.status.time
            if !posted, now >= time {
                loop.commands.post(command)
                posted = true
            }
            if now >= until {
                loop.commands.post(.halt)
                return
            }
            StationLoop<ScriptedHardware>.pauseBriefly()
        }
    }

    @Test("A command posted between ticks acts on the next: staff's stop lifts the arm there and keeps it off")
    func emergencyStop() throws {
        let hardware = ScriptedHardware()
        let loop = StationLoop(engine: try Self.engine(), hardware: hardware, pace: .asFastAsPossible)
        try loop.prepare()
        var ticks = 0
        while !(hardware.written.last?.contact == true && hardware.written.last!.normalForce > 2), ticks < 120_000 {
            _ = loop.tick()
            ticks += 1
        }
        #expect(hardware.written.last?.contact == true)
        loop.commands.post(.emergencyStop)
        _ = loop.tick()
        let stoppedAt = hardware.written.count - 1
        for _ in 0..<2_000 { _ = loop.tick() }
        #expect(hardware.written[stoppedAt...].allSatisfy { !$0.contact && $0.normalForce == 0 })
        #expect(loop.commands.post(.halt))
        #expect(loop.tick())
    }

    @Test("A setpoint the hardware refuses faults the session at the next tick; it lifts and stays lifted")
    func refusedWrite() throws {
        let hardware = ScriptedHardware()
        hardware.failingAt = [20_000]
        let loop = StationLoop(engine: try Self.engine(), hardware: hardware, pace: .asFastAsPossible)
        let wait = Self.start(loop)
        Self.drive(loop, posting: .consoleBack, after: 0, haltAt: 22_000)
        _ = wait()
        #expect(loop.status.writeFailures == 1)
        #expect(loop.status.state == .faulted)
        // 19,999 written before the failure, then lifted from the next tick on.
        #expect(hardware.written[19_999...].allSatisfy { !$0.contact })
        #expect(hardware.written[..<19_999].contains { $0.contact })
    }

    @Test("The record on disk holds every event the loop gave, in order, and the arm it ran on")
    func recordOnDisk() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("unknot-station-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let engine = try Self.engine()
        let hardware = ScriptedHardware()
        let path = folder.appendingPathComponent("record.jsonl").path
        let keeper = try RecordKeeper(
            path: path,
            header: SessionRecordHeader(
                plan: engine.plan, carePlan: engine.carePlan, startedAt: 0, client: "client",
                robot: hardware.identity))
        let loop = StationLoop(engine: engine, hardware: hardware, pace: .asFastAsPossible)
        let wait = Self.start(loop)
        let keeping = DispatchSemaphore(value: 0)
        Thread {
            try? keeper.keep(loop)
            keeping.signal()
        }.start()
        Self.drive(loop, posting: .control(.pressureUp), after: 60_000, haltAt: 120_000)
        _ = wait()
        keeping.wait()
        let record = try SessionRecord.read(from: path)
        #expect(record.header.robot?.model == "scripted" && record.header.robot?.simulated == true)
        #expect(record.events.count > 100)
        #expect(zip(record.events, record.events.dropFirst()).allSatisfy { $0.t <= $1.t })
        #expect(record.events.contains { if case .control(.pressureUp) = $0.event { true } else { false } })
        #expect((record.events.last?.t ?? 0) >= 119_000)
    }

    @Test("Real time: a tick a millisecond, its lateness measured")
    func realTime() throws {
        let hardware = ScriptedHardware()
        let loop = StationLoop(engine: try Self.engine(), hardware: hardware, pace: .realTime)
        let clock = ContinuousClock()
        let start = clock.now
        let wait = Self.start(loop)
        while clock.now - start < .milliseconds(500) { StationLoop<ScriptedHardware>.pauseBriefly() }
        loop.commands.post(.halt)
        _ = wait()
        let elapsed = RobotLinkHardware.milliseconds(clock.now - start)
        let status = loop.status
        // Station time follows the monotonic clock (a loop that fell behind catches up), so it
        // never runs ahead of the time that passed, and it ran.
        #expect(status.ticks >= 100 && status.ticks <= elapsed + 2, "\(status.ticks) ticks in \(elapsed) ms")
        #expect(status.lateness.max >= status.lateness.p99 && status.lateness.p99 >= status.lateness.p50)
    }
}

extension StationLoopTests {
    /// The events of the first `ticks` ms of a session driven through the robot link in lockstep.
    static func lockstepEvents(ticks: Int) throws -> [TimedEvent] {
        let (server, stop) = try RobotLinkLoopbackTests.serve()
        defer { stop() }
        let link = try RobotLinkLoopbackTests.hardware(port: server.socket.localPort, mode: .lockstep)
        let loop = StationLoop(engine: try engine(), hardware: link, pace: .asFastAsPossible)
        try loop.prepare()
        var events: [TimedEvent] = []
        for _ in 0..<ticks {
            _ = loop.tick()
            loop.events.drain(into: &events)
        }
        #expect(loop.commands.post(.halt))
        _ = loop.tick()
        return events
    }

    @Test("Through the robot link in lockstep, a session is the same event for event on every run")
    func lockstepIsDeterministic() throws {
        let first = try Self.lockstepEvents(ticks: 20_000)
        let second = try Self.lockstepEvents(ticks: 20_000)
        #expect(first.count > 50)
        #expect(first == second)
        let faults = first.filter { if case .fault = $0.event { true } else { false } }
        #expect(faults.isEmpty, "\(faults)")
    }
}
