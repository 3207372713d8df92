import UnknotCore
import UnknotSession

/// A session running on a station, as the station's runtime sees it from outside the engine: what
/// the consoles and staff are shown, the events for the record, and the commands it takes.
///
/// Two kinds conform: a ``SteppedStation`` (a simulated arm and body, stepped one millisecond at a
/// time when the runtime asks) and a ``LoopStation`` (an arm over the robot link, its 1 kHz loop on
/// its own thread; the runtime only reads what the loop published and posts commands to it).
public protocol RunningStation: Sendable {
    var plan: SessionPlan { get }
    var carePlan: CarePlan { get }
    /// What the session runs on, for the record's header and the studio.
    var robotIdentity: RobotIdentity { get }
    /// A simulated station's seed (none on hardware).
    var simulationSeed: UInt64? { get }
    /// The engine's state now (for a loop, as last published: at most 100 ms old).
    var view: EngineView { get }
    var isFinished: Bool { get }
    /// The session ended without finishing: its loop halted, or its arm could not be driven.
    var hasStopped: Bool { get }
    /// The engine's summary, once the session finished.
    var summary: SessionSummary? { get }
    /// Events produced and not yet taken.
    var pendingEventCount: Int { get }
    /// Breaths per minute as the station reads them from the body (0 when it does not).
    var breathsPerMinute: Double { get }
    /// Whether the session's time runs on its own (a real-time loop) rather than by ``step()``.
    var runsItself: Bool { get }
    /// One millisecond of a stepped session; `false` once over (always `false` for one that runs
    /// itself).
    mutating func step() -> Bool
    /// Moves the events not yet taken to the end of `buffer`.
    mutating func takeEvents(into buffer: inout [TimedEvent])
    /// A command for the engine, acted on now (stepped) or at the loop's next tick.
    mutating func post(_ command: StationCommand)
    /// The station is stopping: the arm lifts and the session stays as it is.
    mutating func shutDown()
}

/// What the consoles and staff are shown of an engine.
public struct EngineView: Sendable {
    /// Station time, ms.
    public var now = 0
    public var state = SessionState.ready
    public var planTime = 0
    public var contact = false
    public var emergencyStopped = false
    public var heartRate = 0.0
    /// Whether the fault the engine is in would clear now (Resume would carry on).
    public var faultWouldClear = false
    public var openCheckIn: CheckIn?

    public init() {}

    public init(_ engine: SessionEngine) {
        now = engine.now
        state = engine.state
        planTime = engine.planTime
        contact = engine.lastSetpoint.contact
        emergencyStopped = engine.supervisor.isEmergencyStopped
        heartRate = engine.summaryHeartRate
        faultWouldClear = engine.state == .faulted && engine.supervisor.faultWouldClear(at: engine.now)
        openCheckIn = engine.openCheckIn
    }
}
