import Synchronization
import UnknotCore
import UnknotRobotLink
import UnknotSession

#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// The station's 1 kHz loop: reads the arm, ticks the ``SessionEngine`` (the safety supervisor
/// inside it), writes the setpoint, and nothing else.
///
/// Guarantees:
/// - The loop never waits on anything but its own schedule (and, in lockstep, the arm's answer):
///   commands come in and events go out through ``Handoff``s it only tries; its status is
///   published the same way. The network, the disk, a database or password hashing are other
///   threads' business.
/// - Commands posted before a tick act on that tick.
/// - A setpoint the hardware refuses is a fault at the next tick (the engine lifts and stops).
/// - With ``Pace/asFastAsPossible`` and a deterministic arm (lockstep), the session is the same
///   event for event on every run.
public final class StationLoop<Hardware: RobotHardware>: @unchecked Sendable {
    public enum Pace: Sendable {
        /// One tick per millisecond of the monotonic clock.
        case realTime
        /// Each tick as soon as the last is done (a lockstep arm sets the pace).
        case asFastAsPossible
    }

    /// How the loop ended.
    public enum Outcome: Sendable {
        case finished(SessionSummary)
        case halted(atMilliseconds: Int)
    }

    /// Fault code the loop gives the engine when the hardware refuses a setpoint.
    public static var writeFailedFault: Int { 9_004 }

    public let commands = Handoff<StationCommand>(capacity: 256)
    /// Every event of the session, in order, for the record keeper and the studio link.
    public let events = Handoff<TimedEvent>(capacity: 65_536)
    /// The session time (ms) of the engine's latest reaction with guarding in its evidence (a force
    /// spike, stiffened tissue); -1 before any. The station's ears read it: a groan heard with
    /// guarding is pain (CARE.md section 1). Written on the loop's thread, read from any.
    public let lastGuarding = Atomic<Int>(-1)
    public let pace: Pace
    private let published = Mutex(StationStatus())
    private let ended = Mutex<Outcome?>(nil)
    private var engine: SessionEngine
    private var hardware: Hardware
    private var lateness = TickLateness()
    private var inbox: [StationCommand] = []
    private var outgoing: [TimedEvent] = []
    private var writeFailures = 0
    private var pendingFault: Int?
    private var realTimeScheduling = false
    private var script: ClientScript

    /// A loop for `engine` over `hardware` (configured and active, or this loop's ``run()``
    /// walks it there); a scripted client's presses, if any, are taken each at its tick.
    public init(engine: SessionEngine, hardware: Hardware, pace: Pace, script: ClientScript = ClientScript([])) {
        self.engine = engine
        self.hardware = hardware
        self.pace = pace
        self.script = script
        inbox.reserveCapacity(256)
        outgoing.reserveCapacity(65_536)
    }

    /// The newest status (at most 100 ms old).
    public var status: StationStatus { published.withLock { $0 } }

    /// How the loop ended, once it has.
    public var outcome: Outcome? { ended.withLock { $0 } }

    /// Runs the session on the calling thread until it finishes or a ``StationCommand/halt``.
    @discardableResult
    public func run() throws(HardwareError) -> Outcome {
        try prepare()
        if pace == .realTime { realTimeScheduling = RealTimeThread.raisePriority() }
        publish()
        var next = Self.monotonicMicroseconds()
        var halted = false
        while !engine.isFinished, !halted {
            if pace == .realTime {
                next += 1_000
                Self.sleep(until: next)
                lateness.record(Self.monotonicMicroseconds() - next)
            }
            halted = tick()
        }
        // The arm lifts: one more lifted setpoint, then the interface stops.
        try? hardware.write(engine.lastSetpoint.liftedOff, at: engine.now + 1)
        try? hardware.deactivate()
        // The record keeper has a second to take the last events; without one they are dropped.
        var tries = 0
        while !events.offer(&outgoing), tries < 1_000 {
            Self.pauseBriefly()
            tries += 1
        }
        let outcome: Outcome = halted ? .halted(atMilliseconds: engine.now) : .finished(engine.summary())
        publish()
        ended.withLock { $0 = outcome }
        return outcome
    }

    /// Walks the hardware to active and starts the session.
    func prepare() throws(HardwareError) {
        if hardware.lifecycle == .unconfigured { try hardware.configure() }
        if hardware.lifecycle == .inactive { try hardware.activate() }
        if engine.state == .ready { engine.start() }
    }

    /// One millisecond. Returns `true` when halted.
    func tick() -> Bool {
        commands.drain(into: &inbox, waiting: false)
        var halt = false
        for command in inbox where engine.follow(command) { halt = true }
        inbox.removeAll(keepingCapacity: true)
        while let command = script.due(at: engine.now) {
            if engine.follow(command) { halt = true }
        }
        if let code = pendingFault {
            engine.take(SensorFrame(measuredForce: 0, tissueStiffness: 0, status: .fault(code: code)))
            pendingFault = nil
        }
        if let frame = hardware.read(at: engine.now) { engine.take(frame) }
        let setpoint = engine.tick()
        do {
            try hardware.write(setpoint, at: engine.now)
        } catch {
            writeFailures += 1
            pendingFault = Self.writeFailedFault
        }
        let already = outgoing.count
        engine.drainEvents(into: &outgoing)
        for index in already..<outgoing.count {
            if case .reaction(let reaction, _, _) = outgoing[index].event,
                reaction.evidence.contains(where: { SessionEngine.guardingEvidence.contains($0) })
            {
                lastGuarding.store(outgoing[index].t, ordering: .relaxed)
            }
        }
        if !outgoing.isEmpty { _ = events.offer(&outgoing) }
        if engine.now % 100 == 0 { publish(waiting: false) }
        return halt
    }

    private func publish(waiting: Bool = true) {
        var status = StationStatus()
        status.time = engine.now
        status.planTime = engine.planTime
        status.remaining = max(0, engine.plan.durationMilliseconds - engine.planTime)
        status.state = engine.state
        status.emergencyStopped = engine.supervisor.isEmergencyStopped
        status.faultWouldClear = engine.state == .faulted && engine.supervisor.faultWouldClear(at: engine.now)
        status.contact = engine.lastSetpoint.contact
        status.part = engine.lastSetpoint.part
        status.level = engine.workingLevel
        status.force = engine.lastFrame.measuredForce
        status.heartRate = engine.summaryHeartRate
        status.finished = engine.isFinished
        status.ticks = engine.now
        status.lateness = lateness.figures
        status.hardware = hardware.lifecycle
        status.writeFailures = writeFailures
        status.realTimeScheduling = realTimeScheduling
        if waiting {
            published.withLock { $0 = status }
        } else {
            _ = published.withLockIfAvailable { $0 = status }
        }
    }

    static func monotonicMicroseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int64(now.tv_sec) * 1_000_000 + Int64(now.tv_nsec) / 1_000
    }

    /// Sleeps until the monotonic clock reads `deadline` µs (at once if it has passed).
    static func sleep(until deadline: Int64) {
        var at = timespec(tv_sec: Int(deadline / 1_000_000), tv_nsec: Int(deadline % 1_000_000) * 1_000)
        while clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &at, nil) == EINTR {}
    }

    static func pauseBriefly() {
        var none = pollfd(fd: -1, events: 0, revents: 0)
        _ = poll(&none, 1, 1)
    }
}
