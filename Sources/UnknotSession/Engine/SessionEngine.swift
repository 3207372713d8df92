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
/// The engine is thin: it composes subsystems, each with its own state and explicit inputs and
/// outputs — playback (`StrokePlayer`), the client's levels (`ClientLevels`) and learned spots
/// (`LearnedSpots`), the check-in scheduler (`CheckInSchedule`), the reaction policy's gate
/// (`ReactionPolicy`) and guarding watch (`GuardingWatch`), the heart (`HeartWatch`), the
/// console's voice (`ConsoleVoice`) and what it says of the area worked (`AreaAnnouncer`) — and routes the care policy's rows between them.
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
    /// What the engine asked for in the last tick, before the safety supervisor (for traces).
    public internal(set) var lastProposed: Setpoint
    public internal(set) var lastFrame = SensorFrame(measuredForce: 0, tissueStiffness: 0)
    /// Events since the last ``drainEvents(into:)``.
    public internal(set) var events: [TimedEvent] = []
    /// The question on the console, if any.
    public var openCheckIn: CheckIn? { checkIns.open }

    // Subsystems.
    var player: StrokePlayer
    var levels: ClientLevels
    var spots = LearnedSpots()
    var checkIns: CheckInSchedule
    var reactions: ReactionPolicy
    var guarding = GuardingWatch()
    var heart = HeartWatch()
    let voice: ConsoleVoice
    var areas = AreaAnnouncer()

    /// The last contact, for reactions that arrive a moment late.
    var lastContact: RecentContact?
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
        player = StrokePlayer(plan: plan, body: body)
        lastSetpoint = player.lifted
        lastProposed = lastSetpoint
        supervisor = SafetySupervisor(
            carePlan: carePlan, screening: plan.screening, body: body, lyingOn: player.face,
            at: player.position)
        levels = ClientLevels(carePlan: carePlan, screening: plan.screening, limits: supervisor.levelLimit)
        checkIns = CheckInSchedule(plan: plan, timeout: configuration.checkInTimeoutMilliseconds)
        reactions = ReactionPolicy(configuration: configuration)
        voice = ConsoleVoice(prompts: carePlan.voicePrompts)
        events.reserveCapacity(256)
    }

    /// Starts the session: the arm approaches while the client settles in. `planTime` starts the
    /// plan part-way (a station resuming a session after a restart, at the point its record reached).
    public mutating func start(atPlanTime planTime: Int = 0) {
        guard state == .ready else { return }
        self.planTime = min(max(0, planTime), plan.durationMilliseconds)
        player.start(atPlanTime: self.planTime)
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
            proposed = player.lifted
        case .faulted, .pausedByClient, .onBreak:
            pausedMilliseconds += 1
            proposed = player.lifted
        case .settlingIn:
            if now >= settleUntil { enter(.working) }
            proposed = player.approach()
        case .working, .checkingIn:
            planTime += 1
            if planTime >= plan.durationMilliseconds {
                beginEnding("the plan is complete")
                proposed = windDown()
            } else {
                if let expired = checkIns.expired(at: now) { closeCheckIn(expired, answer: nil) }
                if checkIns.plannedDue(at: planTime) {
                    askPlannedCheckIn()
                } else if checkIns.held, reactions.asleep || !reactions.sleepLikely(at: now) {
                    askPlannedCheckIn()
                }
                proposed = player.next(
                    planTime: planTime, last: lastSetpoint, levels: &levels, spots: spots, supervisor: supervisor,
                    at: now)
                if let sentence = areas.sentence(for: player.active) { say(sentence, .information) }
            }
        case .ending:
            proposed = windDown()
            if now >= endingUntil, proposed.normalForce == 0 { finish() }
        }
        // The client turned over: the supervisor allows contact only on the face lain on.
        if player.face != supervisor.lyingOn { supervisor.clientLies(on: player.face) }
        lastProposed = proposed
        var setpoint = supervisor.filter(proposed, at: now)
        if supervisor.fault != nil, state != .faulted, state != .finished {
            enterFault()
            setpoint = setpoint.liftedOff
        }
        if setpoint.contact {
            let q = player.active.partSlot
            lastContact = RecentContact(
                slot: q, at: now, position: setpoint.position, face: setpoint.face, level: player.active.level)
            levels.felt(q, at: player.active.level)
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

    /// Takes one sensor frame: the safety supervisor's watchdog, ceiling and bump checks, then
    /// the engine's own watch for muscle guarding.
    public mutating func take(_ frame: SensorFrame) {
        supervisor.observe(frame, at: now)
        lastFrame = frame
        if supervisor.bumpedAt == now { answerBump() }
        if let evidence = guarding.observe(
            frame, following: lastSetpoint, working: state.movesPlan, at: now)
        {
            emit(.reaction(ReactionEvent(.pain, confidence: 0.8, evidence: [evidence]), actedOn: true, note: nil))
            respondToPain(source: evidence.description, rating: nil, fromDetector: true)
        }
    }

    /// Takes one heart beat: the interval since the previous beat, milliseconds.
    public mutating func take(beat rrMilliseconds: Double) {
        let startWindow =
            (state.movesPlan || state == .settlingIn) && planTime < HeartWatch.startWindowMilliseconds
        heart.take(beat: rrMilliseconds, at: now, startWindow: startWindow)
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
        PressureLevel(clamping: levels.cap(PartSlot.of(part)))
    }

    /// Whether a session is over (finished).
    public var isFinished: Bool { state == .finished }

    /// The level the arm works at now (0 while lifted), as the console shows it.
    public var workingLevel: Int { lastSetpoint.contact ? player.active.level : 0 }

    /// Heart rate over the last minute, bpm (0 before the first beats).
    public var summaryHeartRate: Double { heart.heartRate }
}
