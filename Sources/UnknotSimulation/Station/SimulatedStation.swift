import UnknotCore
import UnknotPlanning
import UnknotSession
import UnknotSignals

/// A whole station in simulation: the live engine driving a simulated robot over a simulated
/// body, with a simulated client on the table. One ``step()`` is one millisecond.
///
/// Deterministic for a seed: the same plan, persona and seed give the same session, event for
/// event. A step allocates nothing unless something happens (or a ``BiosignalLog`` is kept).
public struct SimulatedStation: Sendable {
    public private(set) var engine: SessionEngine
    public private(set) var robot: SimulatedRobot
    public private(set) var body: SimulatedBody
    public private(set) var client: SimulatedClient
    /// The body signals of the whole session, when asked for.
    public private(set) var biosignalLog: BiosignalLog?
    /// Events since the last ``takeEvents(into:)``.
    public private(set) var pendingEvents: [TimedEvent] = []
    private var seen = 0
    private var faultedAt = -1
    /// When set, the engine's reactions come from this detector reading the client's body
    /// signals, the sound labels (when the care plan lets the station listen: the simulated
    /// classifier's, or its own hearing of real recordings) and the engine's own guarding, instead
    /// of the simulated client's modelled reports.
    public private(set) var detector: ReactionDetector?
    /// Everything the detector reported (acted on or not), when it reads the signals.
    public private(set) var detections: [(at: Int, event: ReactionEvent)] = []
    private var soundsSeen = 0
    private var pendingSounds: [(at: Int, sound: SoundEvent)] = []
    /// The station's microphone in a simulated room, when it hears real recordings and the
    /// client's care plan lets it listen (``listen(_:)``).
    public private(set) var hearing: SimulatedHearing?
    private var voicesSeen = 0
    /// Every label the station's hearing gave, for evaluating it.
    public private(set) var heard: [(at: Int, sound: SoundEvent)] = []
    /// The simulation's seed (the same seed, plan and persona give the same session).
    public let seed: UInt64

    /// - Parameters:
    ///   - keepBiosignals: keep every beat and sample in ``biosignalLog`` (grows with the session).
    ///   - readsSignals: reactions from a ``ReactionDetector`` over the body signals (as a real
    ///     station reads them) rather than the simulated client's modelled detector reports.
    public init(
        plan: SessionPlan, carePlan: CarePlan, persona: Persona, body model: BodyModel, seed: UInt64,
        configuration: SessionConfiguration = SessionConfiguration(), keepBiosignals: Bool = false,
        readsSignals: Bool = false
    ) {
        self.seed = seed
        engine = SessionEngine(plan: plan, carePlan: carePlan, body: model, configuration: configuration)
        robot = SimulatedRobot(seed: seed, at: plan.strokes.first?.path[0] ?? SurfacePoint(x: 0, y: 0))
        body = SimulatedClient.body(for: persona, on: model)
        client = SimulatedClient(persona: persona, planDuration: plan.durationMilliseconds, seed: seed)
        biosignalLog = keepBiosignals ? BiosignalLog() : nil
        detector = readsSignals ? try? ReactionDetector(sampleRate: BiosignalLog.sampleRate) : nil
        pendingSounds.reserveCapacity(16)
        pendingEvents.reserveCapacity(1_024)
        engine.start()
        engine.drainEvents(into: &pendingEvents)
        observeNewEvents()
    }

    /// Plans a session for a persona and puts it on a simulated station.
    public static func planned(
        program: Program, minutes: Int, persona: Persona, carePlan: CarePlan? = nil,
        body model: BodyModel = BodyModel(BodyMeasurements(height: 172)), date: CalendarDate, seed: UInt64,
        configuration: SessionConfiguration = SessionConfiguration(), keepBiosignals: Bool = false,
        readsSignals: Bool = false
    ) throws(PlanningError) -> SimulatedStation {
        let care = carePlan ?? persona.carePlan
        let plan = try SessionPlanner().plan(
            PlanRequest(program: program, minutes: minutes, carePlan: care, body: model, date: date))
        return SimulatedStation(
            plan: plan, carePlan: care, persona: persona, body: model, seed: seed, configuration: configuration,
            keepBiosignals: keepBiosignals, readsSignals: readsSignals)
    }

    public var isFinished: Bool { engine.isFinished }

    /// Hears the room through `hearing` from now on, in place of the simulated classifier's labels
    /// (kept only for kinds with no recording), if the care plan lets the station listen and the
    /// station reads the body signals (the detector takes what is heard).
    /// - Returns: whether the station now listens.
    @discardableResult
    public mutating func listen(_ hearing: SimulatedHearing) -> Bool {
        guard engine.carePlan.stationMayListen, detector != nil else { return false }
        self.hearing = hearing
        voicesSeen = client.voiceLog.count
        return true
    }

    /// Schedules a robot fault at a session time (ms).
    public mutating func scheduleRobotFault(at time: Int, code: Int) { robot.faults.append((time, code)) }

    /// Schedules a sensor dropout.
    public mutating func scheduleDropout(at time: Int, length: Int) {
        robot.dropouts.append(SimulatedRobot.Dropout(start: time, length: length))
    }

    /// One millisecond of the station. Returns `false` once the session has finished.
    @discardableResult
    public mutating func step() -> Bool {
        guard !engine.isFinished else { return false }
        let now = engine.now + 1
        let signals = client.step(
            at: now, planTime: engine.planTime, setpoint: engine.lastSetpoint,
            level: engine.lastSetpoint.contact
                ? engine.currentLevel(of: engine.lastSetpoint.part ?? BodyPartID(.upperBack, .midline)).value : 0,
            body: body)
        while let control = client.nextControl(at: now) { engine.take(control) }
        if detector == nil {
            while let reaction = client.nextReaction(at: now) { engine.take(reaction) }
        } else {
            while client.nextReaction(at: now) != nil {}
        }
        if let rr = signals.beat {
            engine.take(beat: rr)
            detector?.beat(rrMilliseconds: rr, at: now)
            biosignalLog?.beats.append(BiosignalLog.Beat(t: now, rr: rr))
        }
        if hearing != nil, now % 10 == 0 { hearRoom(at: now) }
        if let sample = signals.sample {
            biosignalLog?.samples.append(sample)
            if detector != nil { read(sample, at: now) }
        }
        // The integrator's reset: a robot fault is cleared a few seconds after it stopped the session.
        if engine.state == .faulted {
            if faultedAt < 0 { faultedAt = now }
            if now - faultedAt == 3_000 { robot.reset() }
        } else {
            faultedAt = -1
        }
        let calm = engine.state.movesPlan && body.pain == 0
        if let frame = robot.step(at: now, body: &body, calm: calm) { engine.take(frame) }
        engine.tick(driving: &robot)
        engine.drainEvents(into: &pendingEvents)
        observeNewEvents()
        return !engine.isFinished
    }

    /// Runs until the session finishes or `limit` ms have passed; events are dropped unless
    /// taken by `onEvents` every step.
    public mutating func run(
        limit: Int = .max, onEvents: (inout [TimedEvent]) -> Void = { $0.removeAll(keepingCapacity: true) }
    ) {
        var steps = 0
        while steps < limit, step() {
            steps += 1
            if !pendingEvents.isEmpty { takeEvents(onEvents) }
        }
        takeEvents(onEvents)
    }

    /// Hands the pending events to `body` (which may keep them) and clears them.
    public mutating func takeEvents(_ body: (inout [TimedEvent]) -> Void) {
        body(&pendingEvents)
        pendingEvents.removeAll(keepingCapacity: true)
        seen = 0
    }

    /// Moves pending events into `buffer`.
    public mutating func takeEvents(into buffer: inout [TimedEvent]) {
        buffer.append(contentsOf: pendingEvents)
        pendingEvents.removeAll(keepingCapacity: true)
        seen = 0
    }

    private mutating func observeNewEvents() {
        while seen < pendingEvents.count {
            let event = pendingEvents[seen]
            client.observe(event)
            // The engine's own reading of the force and stiffness is the detector's guarding.
            if detector != nil, case .reaction(let reaction, _, _) = event.event,
                reaction.evidence.contains(where: SessionEngine.guardingEvidence.contains)
            {
                detector?.guarding(at: event.t)
            }
            seen += 1
        }
    }

    /// One body-signal sample through the detector, with the sound labels due by now; what it
    /// finds goes to the engine.
    private mutating func read(_ sample: BiosignalSample, at now: Int) {
        let log = client.soundLog
        while soundsSeen < log.count {
            let heard = log[soundsSeen]
            soundsSeen += 1
            // Nothing is heard unless the client agreed to it; a station that hears recordings takes
            // only its own hearing's labels, but for sounds it has no recording of.
            guard engine.carePlan.stationMayListen else { continue }
            if let hearing, hearing.voices.has(heard.sound.kind) { continue }
            let index = pendingSounds.firstIndex { $0.at > heard.at } ?? pendingSounds.count
            pendingSounds.insert(heard, at: index)
        }
        while let first = pendingSounds.first, first.at <= now {
            detector?.sound(first.sound, at: first.at)
            pendingSounds.removeFirst()
        }
        detector?.sample(skinConductance: sample.skinConductance, respiration: sample.respiration, at: now)
        while let found = detector?.nextReaction() {
            detections.append(found)
            engine.take(found.event)
        }
    }

    /// The room's sound up to `now` through the station's hearing: the client's new sounds start
    /// playing, and what is heard joins the labels the detector takes.
    private mutating func hearRoom(at now: Int) {
        guard var hearing else { return }
        self.hearing = nil  // (so the copy below is the only one being changed)
        let voices = client.voiceLog
        while voicesSeen < voices.count {
            hearing.play(voices[voicesSeen])
            voicesSeen += 1
        }
        hearing.listen(upTo: now) { at, sound in
            heard.append((at, sound))
            let index = pendingSounds.firstIndex { $0.at > at } ?? pendingSounds.count
            pendingSounds.insert((at, sound), at: index)
        }
        self.hearing = hearing
    }

    /// Gives direct access to the simulated client (for what a scenario scripts).
    public mutating func withClient<R>(_ body: (inout SimulatedClient) -> R) -> R { body(&client) }

    /// Gives direct access to the engine for controls from outside the simulation (a console, a test).
    public mutating func withEngine<R>(_ body: (inout SessionEngine) -> R) -> R {
        let result = body(&engine)
        engine.drainEvents(into: &pendingEvents)
        observeNewEvents()
        return result
    }
}
