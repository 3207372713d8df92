import UnknotCore
import UnknotSignals

/// The live session: a deterministic state machine ticked at 1 kHz that plays a
/// ``SessionPlan`` on a body and answers what the body and the client do, as CARE.md
/// section 1 says.
///
/// Each ``tick()`` advances one millisecond and returns the one setpoint the robot receives,
/// after the ``SafetySupervisor``. Inputs (``take(_:)-(ClientControl)``, sensor frames,
/// reactions, heart beats) are taken between ticks and act on the very next tick. Time is the
/// number of ticks, so the engine runs on whatever clock drives it: real time on a station, a
/// virtual clock in tests.
///
/// Guarantees: a tick with no input allocates nothing and does no I/O; the plan's clock stops
/// while paused, on a break or faulted, so those never eat the client's time; the client's
/// controls always win over a detector (a detector never resumes, ends, raises pressure, or
/// wakes prompts the client silenced); every decision emits a ``PolicyDecision``, and every
/// decision that changes what the client feels emits a ``ConsoleMessage``.
public struct SessionEngine: Sendable {
    /// The evidence the engine gives when it reads guarding from force and stiffness (tissue
    /// stiffening under the contact, then force spikes), so other readers can recognise it.
    public static let guardingEvidence: Set<ReactionEvidence> = [.guarding, .forceSpike]

    public let plan: SessionPlan
    public let carePlan: CarePlan
    public let body: BodyModel
    public let policy: CarePolicy
    public let configuration: SessionConfiguration
    public internal(set) var supervisor: SafetySupervisor

    public internal(set) var state = SessionState.ready
    /// Milliseconds since ``start()`` (pauses included).
    public internal(set) var now = 0
    /// Milliseconds into the plan (pauses excluded).
    public internal(set) var planTime = 0
    public internal(set) var lastSetpoint: Setpoint
    public internal(set) var lastFrame = SensorFrame(measuredForce: 0, tissueStiffness: 0)
    /// Events since the last ``drainEvents(into:)``.
    public internal(set) var events: [TimedEvent] = []
    /// The question on the console, if any.
    public internal(set) var openCheckIn: CheckIn?

    // The plan, indexed for playback.
    let tracks: [[Double]]
    let strokeSlots: [Int]
    let strokesBySlot: [[Int]]
    var cursor = 0
    var active = ActiveStroke()
    var position: SurfacePoint
    var face: BodyFace

    // What the client has now, per part.
    var parts: PartTable<PartState>
    var globalDrop = 0
    var globalSpeed = 1.0
    var tender: [LearnedSpot] = []
    var ticklish: [LearnedSpot] = []
    /// "More time here": the part's block of the plan replayed until `until` (plan time);
    /// playback runs `timeOffset` behind the plan's clock meanwhile, so the minute comes out of
    /// what follows and the session keeps its length.
    var replay: (blockStart: Int, blockEnd: Int, until: Int)?
    var pendingReplay: (blockStart: Int, blockEnd: Int, length: Int)?
    var timeOffset = 0

    // Recent contact, for reactions that arrive a moment late.
    var lastContact: RecentContact?
    var contactTicks = 0

    // Check-ins and prompts.
    let scheduledCheckIns: [Int]
    var nextCheckIn = 0
    var openCheckInAt = 0
    var openCheckInSlot: Int?
    var lastCheckInAt: Int?
    var cryingCheckInAsked = false
    var lastCryingCheckInAt: Int?
    var asleep = false
    var lastControlAt: Int?
    var lastPainAt: Int?
    var lastPainSlot: Int?
    /// The level the last pain response left on its part.
    var lastPainLeftLevel = 0
    var lastCryingAt: Int?
    var lastRelaxationAt: Int?

    // Guarding (muscles tightening under the contact).
    var stiffnessFast = 0.0
    var stiffnessSlow = 0.0
    var guardingTicks = 0
    var spikeTicks = 0
    var guardingQuietUntil = 0

    // Heart.
    var rhythm = RollingHeartRhythm(window: 60_000)
    var startBeats: [Double]
    var startBeatCount = 0
    var endRhythm = RollingHeartRhythm(window: 180_000, capacity: 720)
    var startRhythmAtEnd: HeartRhythm?

    // Timing and tallies for the summary.
    var settleUntil = 0
    var endingUntil = 0
    var pausedMilliseconds = 0
    var endReason: String?
    var tally = SessionTally()

    public init(
        plan: SessionPlan, carePlan: CarePlan, body: BodyModel, policy: CarePolicy = .standard,
        configuration: SessionConfiguration = SessionConfiguration()
    ) {
        self.plan = plan
        self.carePlan = carePlan
        self.body = body
        self.policy = policy
        self.configuration = configuration
        tracks = plan.strokes.map { stroke in
            var lengths = [0.0]
            lengths.reserveCapacity(stroke.path.count)
            for (a, b) in zip(stroke.path, stroke.path.dropFirst()) {
                lengths.append(lengths.last! + a.distance(to: b))
            }
            return lengths
        }
        strokeSlots = plan.strokes.map { PartSlot.of($0.part) }
        var bySlot = Array(repeating: [Int](), count: PartSlot.count)
        for (i, slot) in strokeSlots.enumerated() { bySlot[slot].append(i) }
        strokesBySlot = bySlot
        let first = plan.strokes.first
        position = first?.path[0] ?? SurfacePoint(x: 0, y: 0)
        face = first?.face ?? .posterior
        lastSetpoint = .lifted(at: position, face: face)
        supervisor = SafetySupervisor(
            carePlan: carePlan, screening: plan.screening, body: body, lyingOn: face, at: position)
        parts = PartTable { part in
            PartState(
                baseLevel: min(
                    carePlan.preferredLevel(for: part), carePlan.painLimit, plan.screening.levelCap,
                    part.region.maximumLevel
                ).value)
        }
        scheduledCheckIns = Self.checkInTimes(for: plan)
        startBeats = []
        startBeats.reserveCapacity(Self.startWindowBeats)
        events.reserveCapacity(256)
        tender.reserveCapacity(16)
        ticklish.reserveCapacity(16)
    }

    static let startWindowMilliseconds = 180_000
    static let startWindowBeats = 600

    /// Starts the session: the arm approaches while the client settles in. `planTime` starts the
    /// plan part-way (a station resuming a session after a restart, at the point its record reached).
    public mutating func start(atPlanTime planTime: Int = 0) {
        guard state == .ready else { return }
        self.planTime = min(max(0, planTime), plan.durationMilliseconds)
        cursor = plan.strokes.firstIndex { $0.endMilliseconds > self.planTime } ?? plan.strokes.count
        settleUntil = now + configuration.settleMilliseconds
        enter(.settlingIn)
        say(
            "Welcome. Settle in and breathe; we'll start gently. Pause, break or \"that hurts\" work at any time.",
            .information)
    }

    /// Advances one millisecond and returns the setpoint for the robot, already through the
    /// safety supervisor.
    public mutating func tick() -> Setpoint {
        now += 1
        var proposed: Setpoint
        switch state {
        case .ready, .finished:
            proposed = .lifted(at: position, face: face)
        case .faulted:
            pausedMilliseconds += 1
            proposed = .lifted(at: position, face: face)
        case .settlingIn:
            if now >= settleUntil { enter(.working) }
            let next = cursor < plan.strokes.count ? plan.strokes[cursor] : plan.strokes.last
            proposed = travel(toward: next?.path[0] ?? position, face: next?.face ?? face)
        case .working, .checkingIn:
            planTime += 1
            if planTime >= plan.durationMilliseconds {
                beginEnding("the plan is complete")
                proposed = windDown()
            } else {
                if let open = openCheckIn, now - openCheckInAt >= configuration.checkInTimeoutMilliseconds {
                    closeCheckIn(open.kind, answer: nil)
                }
                if nextCheckIn < scheduledCheckIns.count, planTime >= scheduledCheckIns[nextCheckIn] {
                    nextCheckIn += 1
                    askPlannedCheckIn()
                }
                proposed = playback()
            }
        case .pausedByClient, .onBreak:
            pausedMilliseconds += 1
            proposed = .lifted(at: position, face: face)
        case .ending:
            proposed = windDown()
            if now >= endingUntil, proposed.normalForce == 0 { finish() }
        }
        var setpoint = supervisor.filter(proposed, at: now)
        if supervisor.fault != nil, state != .faulted, state != .finished {
            enterFault()
            setpoint = setpoint.liftedOff
        }
        if setpoint.contact {
            contactTicks += 1
            lastContact = RecentContact(
                slot: active.partSlot, at: now, position: setpoint.position, face: setpoint.face, level: active.level)
            parts[active.partSlot].worked = true
            parts[active.partSlot].lastFelt = active.level
        } else {
            contactTicks = 0
        }
        lastSetpoint = setpoint
        if now % configuration.telemetryMilliseconds == 0 { emitTelemetry() }
        return setpoint
    }

    /// Advances one millisecond and hands the setpoint (already through the safety supervisor)
    /// to the robot. Returns it too.
    @discardableResult
    public mutating func tick<Driver: RobotDriver>(driving driver: inout Driver) -> Setpoint {
        let setpoint = tick()
        driver.apply(setpoint)
        return setpoint
    }

    /// Takes one sensor frame: the safety supervisor's watchdog and ceiling check, then the
    /// engine's own watch for muscle guarding.
    public mutating func take(_ frame: SensorFrame) {
        supervisor.observe(frame, at: now)
        lastFrame = frame
        watchForGuarding(frame)
    }

    /// Takes one heart beat: the interval since the previous beat, milliseconds.
    public mutating func take(beat rrMilliseconds: Double) {
        guard rrMilliseconds > 250, rrMilliseconds < 2_000 else { return }
        rhythm.add(rrMilliseconds: rrMilliseconds, at: now)
        endRhythm.add(rrMilliseconds: rrMilliseconds, at: now)
        if state.movesPlan || state == .settlingIn, planTime < Self.startWindowMilliseconds,
            startBeats.count < Self.startWindowBeats
        {
            startBeats.append(rrMilliseconds)
        }
    }

    /// The emergency stop: lifts at once and stays stopped until staff release it.
    public mutating func emergencyStop() {
        supervisor.emergencyStop()
        if state != .faulted, state != .finished { enterFault() }
    }

    /// Releases the emergency stop (staff). The client resumes with the resume control.
    public mutating func releaseEmergencyStop() {
        supervisor.releaseEmergencyStop()
        say("The stop has been released. Press resume when you're ready.", .question)
    }

    /// Moves the events emitted so far into `buffer` (appending) and clears them.
    public mutating func drainEvents(into buffer: inout [TimedEvent]) {
        guard !events.isEmpty else { return }
        buffer.append(contentsOf: events)
        events.removeAll(keepingCapacity: true)
    }

    /// The level in effect on a part right now, after the client's changes and the policy's.
    public func currentLevel(of part: BodyPartID) -> PressureLevel {
        PressureLevel(clamping: effectiveCap(PartSlot.of(part)))
    }

    /// Whether a session is over (finished).
    public var isFinished: Bool { state == .finished }

    // MARK: - State changes

    mutating func enter(_ new: SessionState) {
        guard new != state else { return }
        state = new
        emit(.stateChanged(new))
    }

    mutating func emit(_ event: SessionEvent) {
        if case .reaction(let reaction, true, _) = event { tally.reactions[reaction.kind, default: 0] += 1 }
        events.append(TimedEvent(t: now, event))
    }

    mutating func beginEnding(_ reason: String) {
        guard state != .ending, state != .finished else { return }
        endReason = reason
        if let open = openCheckIn { closeCheckIn(open.kind, answer: nil) }
        endingUntil = now + configuration.endingMilliseconds
        enter(.ending)
    }

    mutating func finish() {
        enter(.finished)
        let row = policy.row(for: .sessionEnded, carePlan: carePlan)
        record(row, area: nil, detail: endReason ?? "")
    }

    mutating func enterFault() {
        guard let fault = supervisor.fault else { return }
        tally.faults.append(fault)
        if let open = openCheckIn { closeCheckIn(open.kind, answer: nil) }
        enter(.faulted)
        emit(.fault(fault))
        emit(.alert(StaffAlert(kind: .stationFault, text: "Station stopped and lifted off: \(fault.description).")))
        say("I've stopped and lifted off: \(fault.clientWords). Staff have been told.", .safety)
    }

    mutating func emitTelemetry() {
        let sample = TelemetrySample(
            planTime: planTime, state: state, contact: lastSetpoint.contact, x: lastSetpoint.position.x,
            y: lastSetpoint.position.y, face: lastSetpoint.face, part: lastSetpoint.contact ? lastSetpoint.part : nil,
            technique: lastSetpoint.technique, level: lastSetpoint.contact ? active.level : 0,
            targetForce: lastSetpoint.normalForce, measuredForce: lastFrame.measuredForce, heartRate: rhythm.heartRate)
        emit(.telemetry(sample))
    }

    /// Releases force at the planned fall rate where the contact is, then lifts.
    mutating func windDown() -> Setpoint {
        var setpoint = lastSetpoint
        setpoint.normalForce = max(0, lastSetpoint.normalForce - SafetyLimits.maximumForceFall / 1_000)
        if setpoint.normalForce == 0 { return .lifted(at: position, face: face) }
        return setpoint
    }
}

extension SessionEngine {
    /// Heart rate over the last minute, bpm (0 before the first beats).
    public var summaryHeartRate: Double { rhythm.heartRate }
}
