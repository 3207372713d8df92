/// The kinds of phase of a session.
public enum PhaseKind: String, Codable, Sendable, CaseIterable {
    case warmUp = "warm-up"
    case focusedWork = "focused-work"
    case integration
    case closing

    public var displayName: String {
        switch self {
        case .warmUp: "Warm-up"
        case .focusedWork: "Focused work"
        case .integration: "Integration"
        case .closing: "Closing"
        }
    }
}
