import UnknotCore
import UnknotSession

/// A session on a station that runs one millisecond at a time when asked, with nothing real
/// behind it to wait for: a simulated arm and body (a demo station), stepped by a
/// ``StationRuntime``. (A station with hardware runs its session in a ``StationLoop``, seen by
/// the runtime as a ``LoopStation``.)
public protocol SteppedStation: RunningStation {
    /// The session's engine (read only; change it through ``withEngine(_:)``).
    var engine: SessionEngine { get }
    /// What the station is, for the record's header: a simulated one's seed.
    var seed: UInt64 { get }
    mutating func withEngine<R>(_ body: (inout SessionEngine) -> R) -> R
}

extension SteppedStation {
    public var plan: SessionPlan { engine.plan }
    public var carePlan: CarePlan { engine.carePlan }
    public var simulationSeed: UInt64? { seed }
    public var view: EngineView { EngineView(engine) }
    public var summary: SessionSummary? { engine.isFinished ? engine.summary() : nil }
    public var runsItself: Bool { false }
    /// A stepped session runs until it finishes.
    public var hasStopped: Bool { false }

    public mutating func post(_ command: StationCommand) {
        withEngine { engine in
            if engine.follow(command) { engine.consoleLost() }
        }
    }

    /// A stepped station pauses as for a lost console (the arm lifts; nothing resumes by itself).
    public mutating func shutDown() { post(.consoleLost) }
}
