import UnknotCore
import UnknotPlanning
import UnknotSession

/// A scenario on a simulated station: steps the station one millisecond at a time, carries out
/// the scenario's steps when they fall due, watches every tick (where the arm touches, how the
/// force changes after a control, a setpoint trace when asked) and, at the end, checks every
/// expectation (``report()``).
///
/// Deterministic for the scenario's seed. A step where nothing happens allocates nothing.
public struct ScenarioRun: Sendable {
    public let scenario: Scenario
    /// The care plan the session runs on (the scenario's, or the one given to ``init``).
    public let carePlan: CarePlan
    public private(set) var station: SimulatedStation
    /// Every event but telemetry, for the checks.
    public private(set) var events: [TimedEvent] = []
    /// Per-tick setpoints and supervisor decisions around events, when asked for.
    public private(set) var trace: SetpointTrace?
    /// What happened on the tick after each control (for ``ScenarioExpectation/pressureDropsNextTick(after:)``).
    public private(set) var afterControls: [ControlTick] = []
    /// The first tick the arm touched each area it must not, by expectation index.
    public private(set) var forbiddenTouches: [Int: (t: Int, part: BodyPartID)] = [:]
    /// When each scenario step was carried out (ms), `nil` for steps that never came due.
    public private(set) var firedAt: [Int?]

    /// The events of the last step (telemetry included).
    public private(set) var lastEvents: [TimedEvent] = []
    private var heldFor: [Int]
    private let untouchable: [(index: Int, areas: [BodyArea])]

    /// The force asked for on the tick a control was taken and on the tick after.
    public struct ControlTick: Sendable, Hashable {
        public var t: Int
        public var control: ClientControl
        public var contactBefore: Bool
        public var forceBefore: Double
        public var forceAfter: Double
        public var contactAfter: Bool
    }

    /// The station hears the room through `hearing` (real recordings of the client's sounds) if
    /// the care plan lets it listen and the scenario reads the body signals.
    /// - Returns: whether it listens.
    @discardableResult
    public mutating func listen(_ hearing: SimulatedHearing) -> Bool { station.listen(hearing) }

    /// Plans the scenario's session on a simulated station.
    /// - Parameters:
    ///   - traceSetpoints: keep a per-tick trace around every event (``trace``).
    public init(
        _ scenario: Scenario, catalog: ProgramCatalog, body model: BodyModel = BodyModel(BodyMeasurements(height: 172)),
        carePlan: CarePlan? = nil, keepBiosignals: Bool = false, traceSetpoints: Bool = false
    ) throws(ScenarioError) {
        guard let program = catalog.program(id: scenario.program) else {
            throw ScenarioError(problems: [
                FieldProblem(
                    field: "program",
                    message: "is \"\(scenario.program)\"; choose one of "
                        + catalog.programs.map(\.id).joined(separator: ", "))
            ])
        }
        var care = carePlan ?? scenario.persona.carePlan
        if program.singleFocusArea, care.focusAreas.isEmpty { care.focusAreas = [BodyArea(.shoulders)] }
        do {
            station = try SimulatedStation.planned(
                program: program, minutes: scenario.minutes, persona: scenario.persona, carePlan: care, body: model,
                date: scenario.date ?? Scenario.defaultDate, seed: scenario.seed,
                keepBiosignals: keepBiosignals, readsSignals: scenario.readsSignals)
        } catch {
            throw ScenarioError(problems: [FieldProblem(field: "program", message: "cannot be planned: \(error)")])
        }
        self.scenario = scenario
        self.carePlan = care
        firedAt = Array(repeating: nil, count: scenario.steps.count)
        heldFor = Array(repeating: 0, count: scenario.steps.count)
        untouchable = scenario.expectations.enumerated().compactMap { index, expectation in
            if case .neverTouches(let areas) = expectation { (index, areas) } else { nil }
        }
        trace = traceSetpoints ? SetpointTrace() : nil
        events.reserveCapacity(4_096)
        lastEvents.reserveCapacity(1_024)
        afterControls.reserveCapacity(64)
        station.takeEvents(into: &lastEvents)
        keep(lastEvents)
    }

    public var engine: SessionEngine { station.engine }
    /// Whether the session finished or the scenario's ``Scenario/until`` time came.
    public var isFinished: Bool { station.isFinished || scenario.until.map { station.engine.now >= $0 } ?? false }

    /// One millisecond: the scenario steps due now, then the station. The step's events
    /// (telemetry included) are in ``lastEvents`` until the next step, for a record or a
    /// console. Returns `false` once the session has finished.
    @discardableResult
    public mutating func step() -> Bool {
        lastEvents.removeAll(keepingCapacity: true)
        guard !isFinished else { return false }
        carryOutDueSteps()
        let before = station.engine.lastSetpoint
        let running = station.step()
        let after = station.engine.lastSetpoint
        trace?.record(station.engine)
        for (index, areas) in untouchable where forbiddenTouches[index] == nil {
            if after.contact, let part = after.part, areas.contains(where: { $0.contains(part) }) {
                forbiddenTouches[index] = (station.engine.now, part)
            }
        }
        if !station.pendingEvents.isEmpty {
            station.takeEvents(into: &lastEvents)
            for event in lastEvents {
                if case .control(let control) = event.event {
                    afterControls.append(
                        ControlTick(
                            t: event.t, control: control, contactBefore: before.contact,
                            forceBefore: before.normalForce, forceAfter: after.normalForce,
                            contactAfter: after.contact))
                }
            }
            trace?.mark(lastEvents)
            keep(lastEvents)
        }
        return running && !isFinished
    }

    /// Runs to the end of the session (or `limit` ms).
    public mutating func run(limit: Int = .max) {
        var steps = 0
        while steps < limit, step() { steps += 1 }
    }

    private mutating func keep(_ batch: [TimedEvent]) {
        for event in batch {
            if case .telemetry = event.event { continue }
            events.append(event)
        }
    }

    /// Steps fall due on the tick they name: a step "at 12:00" acts in the tick of 12:00.
    private mutating func carryOutDueSteps() {
        let now = station.engine.now + 1
        for index in scenario.steps.indices where firedAt[index] == nil {
            let step = scenario.steps[index]
            switch step.trigger {
            case .at(let time):
                guard now >= time else { continue }
            case .when(let condition, let needed, let notBefore):
                guard now >= notBefore, condition.holds(in: station.engine) else { continue }
                heldFor[index] += 1
                guard heldFor[index] >= needed else { continue }
            }
            firedAt[index] = now
            carryOut(step.action, at: now)
        }
    }

    private mutating func carryOut(_ action: ScenarioStep.Action, at now: Int) {
        switch action {
        case .control(let control):
            station.withClient { $0.pressScripted(control, at: now) }
        case .reaction(let kind, let ms, let confidence, let reportAfter):
            station.withClient {
                $0.script(kind, at: now, milliseconds: ms, confidence: confidence, reportAfter: reportAfter)
            }
        case .sound(let sound, let ms):
            station.withClient { $0.hearScripted(sound, at: now, milliseconds: ms) }
        case .fallAsleep(let sureAfter, let confidence):
            station.withClient { $0.fallAsleep(at: now, sureAfter: sureAfter, confidence: confidence) }
        case .wake:
            station.withClient { $0.wakeUp(at: now) }
        case .takeBreak(let ms):
            station.withClient { $0.takeBreakScripted(at: now, milliseconds: ms) }
        case .sensorDropout(let ms):
            station.scheduleDropout(at: now, length: ms)
        case .robotFault(let code):
            station.scheduleRobotFault(at: now, code: code)
        }
    }
}
