import UnknotCore
import UnknotSession

/// What a scenario expects the session to have done, checked by ``ScenarioRun`` against what
/// really happened (the client's ground truth, the engine's events, every tick's setpoint).
public enum ScenarioExpectation: Sendable, Hashable {
    /// After `stimulus` (the first time, or `each` time), a decision with `action` and/or the
    /// session entering `state`, within `milliseconds`.
    case responds(to: ScenarioStimulus, action: PolicyAction?, state: SessionState?, within: Int, each: Bool)
    /// On the tick after each `stimulus` is taken, the force asked of the robot is lower than
    /// before it and the level at that spot drops by at least one.
    case pressureDropsNextTick(after: ScenarioStimulus)
    /// No check-in question while the client is asleep (from falling asleep to waking).
    case noCheckInWhileAsleep
    /// The arm never touches these areas.
    case neverTouches([BodyArea])
    /// No decision ever takes one of these actions.
    case neverDoes([PolicyAction])
    /// Within `milliseconds` after each `stimulus`: no message, question, alert, change of
    /// state or change of level (the session just goes on).
    case nothingHappens(after: ScenarioStimulus, within: Int)
    /// A message or question containing `text` within `milliseconds` after `stimulus`.
    case says(text: String, after: ScenarioStimulus, within: Int)
    /// How many check-ins of `kind` (every kind when `nil`) the session asks.
    case checkIns(kind: CheckInKind?, atLeast: Int?, atMost: Int?)
    /// How many staff alerts the session raises.
    case staffAlerts(atLeast: Int?, atMost: Int?)
    /// The plan runs to its end (`true`) or the session ends early (`false`).
    case completes(Bool)

    /// The expectation in words, for reports.
    public var words: String {
        switch self {
        case .responds(let stimulus, let action, let state, let within, let each):
            let what = [action.map { "\"\($0.rawValue)\"" }, state.map { "the session \($0.displayName)" }]
                .compactMap { $0 }.joined(separator: " and ")
            return "\(what) within \(Self.seconds(within)) s of \(each ? "each" : "the first") \(stimulus.words)"
        case .pressureDropsNextTick(let stimulus): return "pressure drops on the next tick after each \(stimulus.words)"
        case .noCheckInWhileAsleep: return "no check-in while the client sleeps"
        case .neverTouches(let areas): return "never touches the " + areas.map(\.description).joined(separator: ", ")
        case .neverDoes(let actions): return "never " + actions.map { "\"\($0.rawValue)\"" }.joined(separator: " or ")
        case .nothingHappens(let stimulus, let within):
            return "nothing happens within \(Self.seconds(within)) s of each \(stimulus.words)"
        case .says(let text, let stimulus, let within):
            return "says \"\(text)\" within \(Self.seconds(within)) s of \(stimulus.words)"
        case .checkIns(let kind, let least, let most):
            return "\(Self.range(least, most)) \(kind.map { "\"\($0.rawValue)\" " } ?? "")check-ins"
        case .staffAlerts(let least, let most): return "\(Self.range(least, most)) staff alerts"
        case .completes(let yes): return yes ? "the plan runs to its end" : "the session ends early"
        }
    }

    static func seconds(_ ms: Int) -> String { ScenarioStep.Action.seconds(ms) }

    static func range(_ least: Int?, _ most: Int?) -> String {
        switch (least, most) {
        case (let l?, let m?) where l == m: "exactly \(l)"
        case (let l?, let m?): "\(l) to \(m)"
        case (let l?, nil): "at least \(l)"
        case (nil, let m?): "at most \(m)"
        case (nil, nil): "any number of"
        }
    }
}

/// What an expectation is measured from: the start of a reaction the client really had (its
/// ground truth), a sound the client made (`sound-crying`, `sound-speech`, …), a control the
/// client pressed, or a safety fault.
public enum ScenarioStimulus: Sendable, Hashable {
    case reaction(ReactionKind)
    /// The start of a sound the client made, heard or not.
    case sound(SoundEvent.Kind)
    /// A control by its name (`that-hurts`, `break`, …).
    case control(String)
    case fault

    /// Every name a scenario may use, for error messages.
    public static let names =
        ReactionKind.allCases.map(\.rawValue) + SoundEvent.Kind.allCases.map { "sound-" + $0.rawValue }
        + ClientControl.names + ["fault"]

    public init?(name: String) {
        if let kind = ReactionKind(rawValue: name) {
            self = .reaction(kind)
        } else if name.hasPrefix("sound-"), let kind = SoundEvent.Kind(rawValue: String(name.dropFirst(6))) {
            self = .sound(kind)
        } else if ClientControl.names.contains(name) {
            self = .control(name)
        } else if name == "fault" {
            self = .fault
        } else {
            return nil
        }
    }

    public var words: String {
        switch self {
        case .reaction(let kind): "\(kind.displayName) (from when it really began)"
        case .sound(let kind): "the client's \(kind.rawValue) (a sound, from when it began)"
        case .control(let name): "\"\(name)\""
        case .fault: "safety fault"
        }
    }
}
