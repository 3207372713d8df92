import UnknotCore
import UnknotSession

/// Every tick's setpoint, before and after the safety supervisor, around every event that
/// matters (a control, a reaction, a decision, a fault, a change of state or level): the
/// `before` ticks leading up to it and the `after` ticks following it. So "on the next tick" and
/// "within 50 ms" can be read directly.
///
/// Keeps the ticks before an event in a fixed ring, so recording a quiet tick allocates nothing.
public struct SetpointTrace: Sendable {
    /// One control tick.
    public struct Tick: Sendable, Hashable {
        public var t: Int
        public var state: SessionState
        /// What the engine asked for.
        public var proposed: Setpoint
        /// What the supervisor let through to the robot.
        public var sent: Setpoint
        /// The force the robot last measured, newtons.
        public var measured: Double
        public var interventions: SafetyInterventions
        public var fault: SafetyFault?
        /// The events of this tick, in words (empty for most ticks).
        public var events: [String] = []
    }

    public let before: Int
    public let after: Int
    /// The ticks kept, oldest first.
    public private(set) var ticks: [Tick] = []
    private var ring: [Tick] = []
    private var ringNext = 0
    private var ringCount = 0
    private var followUntil = -1
    private var previousInterventions = SafetyInterventions()

    public init(before: Int = 20, after: Int = 100) {
        self.before = max(1, before)
        self.after = max(1, after)
        ring.reserveCapacity(self.before)
    }

    /// Records the engine's last tick.
    mutating func record(_ engine: SessionEngine) {
        let tick = Tick(
            t: engine.now, state: engine.state, proposed: engine.lastProposed, sent: engine.lastSetpoint,
            measured: engine.lastFrame.measuredForce, interventions: engine.supervisor.interventions,
            fault: engine.supervisor.fault)
        if tick.t <= followUntil {
            ticks.append(tick)
        } else if ring.count < before {
            ring.append(tick)
            ringNext = ring.count % before
            ringCount = ring.count
        } else {
            ring[ringNext] = tick
            ringNext = (ringNext + 1) % before
        }
    }

    /// Marks the events of the last tick: the ticks before it join the trace, and the next
    /// `after` ticks will.
    mutating func mark(_ events: [TimedEvent]) {
        let words = events.compactMap(Self.words)
        guard !words.isEmpty else { return }
        flushRing()
        if let last = ticks.indices.last { ticks[last].events += words }
        followUntil = max(followUntil, (events.last?.t ?? 0) + after)
    }

    private mutating func flushRing() {
        guard ringCount > 0 else { return }
        let count = ring.count
        for i in 0..<count {
            let tick = ring[(ringNext + i) % count]
            if let last = ticks.last, tick.t <= last.t { continue }
            ticks.append(tick)
        }
        ring.removeAll(keepingCapacity: true)
        ringNext = 0
        ringCount = 0
    }

    static func words(_ event: TimedEvent) -> String? {
        switch event.event {
        case .control(let control): "control: \(control.displayName)"
        case .reaction(let reaction, let acted, _):
            "reaction: \(reaction.kind.rawValue) \(reaction.confidence)\(acted ? " (acted on)" : "")"
        case .decision(let decision):
            "decision: \(decision.trigger?.rawValue ?? "control") → "
                + decision.actions.map(\.rawValue).joined(separator: ", ")
        case .fault(let fault): "fault: \(fault.description)"
        case .faultCleared: "fault cleared"
        case .stateChanged(let state): "state: \(state.rawValue)"
        case .levelChanged(let area, let from, let to): "level: \(area) \(from) → \(to)"
        case .checkIn(let checkIn): "check-in: \(checkIn.kind.rawValue)"
        case .alert, .message, .checkInClosed, .telemetry: nil
        }
    }
}
