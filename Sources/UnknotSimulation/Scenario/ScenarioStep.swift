import UnknotCore
import UnknotSession

/// One thing that happens in a scenario: an action, at a time or once a condition has held
/// for a while.
public struct ScenarioStep: Sendable, Hashable {
    /// When the step happens.
    public enum Trigger: Sendable, Hashable {
        /// At this session time (ms since the start, pauses included).
        case at(Int)
        /// Once `condition` has held for `forMilliseconds` in all (not necessarily at a
        /// stretch), and not before `notBefore`.
        case when(ScenarioCondition, forMilliseconds: Int, notBefore: Int)
    }

    /// What happens.
    public enum Action: Sendable, Hashable {
        /// The client presses a control.
        case control(ClientControl)
        /// The client has a reaction for `milliseconds`; the modelled detector reports it
        /// `reportAfter` ms in with `confidence` (a station reading signals reads the body instead).
        case reaction(ReactionKind, milliseconds: Int, confidence: Double, reportAfter: Int)
        /// The client makes a sound for `milliseconds`: a station that reads signals is given the
        /// label; one that hears recordings hears a real clip of that kind instead.
        case sound(SoundEvent, milliseconds: Int)
        /// The client falls asleep; the detector is sure `sureAfter` ms in, with `confidence`.
        case fallAsleep(sureAfter: Int, confidence: Double)
        case wake
        /// A break the client takes and ends after `milliseconds`.
        case takeBreak(milliseconds: Int)
        /// The body sensors' frames stop for `milliseconds`.
        case sensorDropout(milliseconds: Int)
        /// The robot reports a fault with this code (reset 3 s after it stops the session).
        case robotFault(code: Int)

        /// The action in words, for reports.
        public var words: String {
            switch self {
            case .control(let control): "the client presses \(control.displayName)"
            case .reaction(let kind, let ms, let confidence, _):
                "\(kind.displayName) for \(Self.seconds(ms)) s (reported at confidence \(confidence))"
            case .sound(let sound, let ms):
                "the client makes a sound: \(sound.kind.rawValue) for \(Self.seconds(ms)) s (labelled at \(sound.confidence))"
            case .fallAsleep: "the client falls asleep"
            case .wake: "the client wakes"
            case .takeBreak(let ms): "a break of \(Self.seconds(ms)) s"
            case .sensorDropout(let ms): "the sensors drop out for \(ms) ms"
            case .robotFault(let code): "the robot reports fault \(code)"
            }
        }

        static func seconds(_ ms: Int) -> String {
            ms % 1_000 == 0 ? "\(ms / 1_000)" : String(Double(ms) / 1_000)
        }
    }

    public var trigger: Trigger
    public var action: Action

    public init(_ trigger: Trigger, _ action: Action) {
        self.trigger = trigger
        self.action = action
    }
}

/// Where the session is: every field given must hold (an empty condition always holds).
public struct ScenarioCondition: Sendable, Hashable {
    /// The arm is in contact on this region (and side, when the area has one).
    public var area: BodyArea?
    public var technique: Technique?
    public var phase: PhaseKind?
    public var state: SessionState?
    /// The level worked where the arm is, at least this.
    public var minimumLevel: Int?

    public init(
        area: BodyArea? = nil, technique: Technique? = nil, phase: PhaseKind? = nil, state: SessionState? = nil,
        minimumLevel: Int? = nil
    ) {
        self.area = area
        self.technique = technique
        self.phase = phase
        self.state = state
        self.minimumLevel = minimumLevel
    }

    /// Whether the condition holds for this engine's last tick.
    func holds(in engine: SessionEngine) -> Bool {
        let setpoint = engine.lastSetpoint
        if let state, engine.state != state { return false }
        if area != nil || technique != nil || minimumLevel != nil {
            guard setpoint.contact, let part = setpoint.part else { return false }
            if let area, !area.contains(part) { return false }
            if let technique, setpoint.technique != technique { return false }
            if let minimumLevel, engine.currentLevel(of: part).value < minimumLevel { return false }
        }
        if let phase {
            let t = engine.planTime
            guard
                let current = engine.plan.phases.first(where: { t >= $0.startMilliseconds && t < $0.endMilliseconds }),
                current.kind == phase
            else { return false }
        }
        return true
    }

    /// The condition in words.
    public var words: String {
        var parts: [String] = []
        if let area { parts.append("on the \(area)") }
        if let technique { parts.append(technique.displayName) }
        if let minimumLevel { parts.append("at level \(minimumLevel) or more") }
        if let phase { parts.append("in \(phase.displayName.lowercased())") }
        if let state { parts.append("while \(state.displayName)") }
        return parts.isEmpty ? "at any time" : parts.joined(separator: ", ")
    }
}
