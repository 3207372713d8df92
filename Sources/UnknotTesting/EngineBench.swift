import UnknotCore
import UnknotPlanning
import UnknotSession
import UnknotSimulation

/// A live engine on a test bench: a simulated robot and body answer every setpoint with a
/// sensor frame (unless frames are withheld), time is virtual, and every setpoint and event is
/// kept for the test to read.
public struct EngineBench {
    public var engine: SessionEngine
    public var robot: SimulatedRobot
    public var body: SimulatedBody
    /// Every setpoint the robot received, one per tick, from the first tick.
    public private(set) var setpoints: [Setpoint] = []
    /// Every event, in order.
    public private(set) var events: [TimedEvent] = []
    /// While true, the robot's sensor frames do not reach the engine.
    public var withholdFrames = false

    public init(
        plan: SessionPlan, carePlan: CarePlan, body model: BodyModel = Fixtures.body,
        simulatedBody: SimulatedBody? = nil, configuration: SessionConfiguration = SessionConfiguration(),
        seed: UInt64 = 1
    ) {
        engine = SessionEngine(plan: plan, carePlan: carePlan, body: model, configuration: configuration)
        robot = SimulatedRobot(seed: seed, at: plan.strokes.first?.path[0] ?? SurfacePoint(x: 0, y: 0))
        body = simulatedBody ?? SimulatedBody(model: model)
        engine.start()
        engine.drainEvents(into: &events)
    }

    /// Plans `programID` for `carePlan` and puts the plan on the bench.
    public static func planned(
        _ programID: String, minutes: Int, carePlan: CarePlan = CarePlan(), simulatedBody: SimulatedBody? = nil,
        configuration: SessionConfiguration = SessionConfiguration()
    ) throws -> EngineBench {
        let plan = try SessionPlanner().plan(Fixtures.request(programID, minutes: minutes, carePlan: carePlan))
        return EngineBench(plan: plan, carePlan: carePlan, simulatedBody: simulatedBody, configuration: configuration)
    }

    /// One tick: the robot's frame (unless withheld), the engine's tick, the robot takes the setpoint.
    @discardableResult
    public mutating func tick() -> Setpoint {
        let now = engine.now + 1
        let frame = robot.step(at: now, body: &body, calm: engine.state.movesPlan)
        if let frame, !withholdFrames { engine.take(frame) }
        let setpoint = engine.tick(driving: &robot)
        setpoints.append(setpoint)
        engine.drainEvents(into: &events)
        return setpoint
    }

    /// Runs `milliseconds` ticks.
    public mutating func run(_ milliseconds: Int) {
        for _ in 0..<milliseconds { tick() }
    }

    /// Runs until `condition` holds (checked after each tick) or `limit` ticks pass; returns
    /// whether it held.
    @discardableResult
    public mutating func run(upTo limit: Int, until condition: (EngineBench) -> Bool) -> Bool {
        for _ in 0..<limit {
            tick()
            if condition(self) { return true }
        }
        return false
    }

    /// Runs until an event emitted during a tick satisfies `condition`, or `limit` ticks pass.
    @discardableResult
    public mutating func run(upTo limit: Int, untilEvent condition: (SessionEvent) -> Bool) -> Bool {
        for _ in 0..<limit {
            let seen = events.count
            tick()
            for event in events[seen...] where condition(event.event) { return true }
        }
        return false
    }

    /// Runs until the robot is in contact with `part` (or any part) and pressing at least `force` N.
    @discardableResult
    public mutating func runUntilContact(on part: BodyPartID? = nil, force: Double = 5, limit: Int = 600_000) -> Bool {
        run(upTo: limit) { bench in
            guard let last = bench.setpoints.last, last.contact, last.normalForce >= force else { return false }
            return part == nil || last.part == part
        }
    }

    /// Runs until the contact is back on `part` within `distance` cm of `spot`; returns whether it came.
    @discardableResult
    public mutating func runUntilBack(at spot: SurfacePoint, on part: BodyPartID, within distance: Double, limit: Int)
        -> Bool
    {
        run(upTo: limit) { bench in
            guard let s = bench.setpoints.last, s.contact, s.part == part else { return false }
            return s.position.distance(to: spot) < distance
        }
    }

    /// The setpoints from index `from` whose contact reaches within `radius` of `spot`.
    public func contacts(reaching spot: SurfacePoint, radius: Double, from: Int) -> [Setpoint] {
        setpoints[from...].filter {
            $0.contact && $0.position.distance(to: spot) < radius + ($0.technique?.spec.contactWidth ?? 0) / 2 - 1e-6
        }
    }

    public mutating func take(_ control: ClientControl) {
        engine.take(control)
        engine.drainEvents(into: &events)
    }

    public mutating func take(_ reaction: ReactionEvent) {
        engine.take(reaction)
        engine.drainEvents(into: &events)
    }

    /// Events at or after time `t`.
    public func events(since t: Int) -> [TimedEvent] { events.filter { $0.t >= t } }

    /// Console messages at or after time `t`.
    public func messages(since t: Int = 0) -> [ConsoleMessage] {
        events(since: t).compactMap { if case .message(let m) = $0.event { m } else { nil } }
    }

    /// Policy decisions at or after time `t`.
    public func decisions(since t: Int = 0) -> [PolicyDecision] {
        events(since: t).compactMap { if case .decision(let d) = $0.event { d } else { nil } }
    }

    /// Check-ins opened at or after time `t`.
    public func checkIns(since t: Int = 0) -> [CheckIn] {
        events(since: t).compactMap { if case .checkIn(let c) = $0.event { c } else { nil } }
    }

    /// Forgets setpoints and events kept so far (for long runs).
    public mutating func forgetHistory() {
        setpoints.removeAll(keepingCapacity: true)
        events.removeAll(keepingCapacity: true)
    }
}
