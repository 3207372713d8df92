import UnknotCore

/// Where a live session is. Only ``working`` and ``checkingIn`` move the plan forward, so
/// pauses, breaks and faults never eat the client's time.
public enum SessionState: String, Codable, Sendable, CaseIterable {
    case ready
    /// The arm approaches; the client settles.
    case settlingIn = "settling-in"
    case working
    /// A question is on the console; work goes on gently while it waits for a tap.
    case checkingIn = "checking-in"
    case pausedByClient = "paused"
    /// A break: lifted, lights dimmed, water offered, until the client resumes.
    case onBreak = "on-break"
    /// Winding down: force released, arm retracting.
    case ending
    case finished
    /// Lifted and stopped by the safety supervisor.
    case faulted

    /// Whether the plan's clock runs.
    public var movesPlan: Bool { self == .working || self == .checkingIn }

    public var displayName: String {
        switch self {
        case .ready: "ready"
        case .settlingIn: "settling in"
        case .working: "working"
        case .checkingIn: "checking in"
        case .pausedByClient: "paused"
        case .onBreak: "on a break"
        case .ending: "ending"
        case .finished: "finished"
        case .faulted: "stopped (fault)"
        }
    }
}
