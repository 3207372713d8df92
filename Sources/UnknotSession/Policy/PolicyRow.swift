import UnknotCore

/// One row of the care policy: for a trigger and the client's choice, what the session does
/// and what it says.
public struct PolicyRow: Sendable, Hashable, Codable {
    public var trigger: PolicyTrigger
    /// The client's choice this row answers (`nil` for the default or the only row).
    public var choice: PolicyChoice?
    public var actions: [PolicyAction]
    /// What the console says, with `{area}` and `{level}` filled in; `nil` when the right
    /// answer is to say nothing.
    public var message: String?

    public init(_ trigger: PolicyTrigger, choice: PolicyChoice? = nil, _ actions: [PolicyAction], say message: String?)
    {
        self.trigger = trigger
        self.choice = choice
        self.actions = actions
        self.message = message
    }
}

/// A choice the client made in advance in the care plan that changes a policy row.
public enum PolicyChoice: Sendable, Hashable, Codable {
    /// The *if I cry* directive.
    case ifICry(CryingDirective)
    /// Skip ticklish spots altogether.
    case skipTicklishSpots

    public var plainWords: String {
        switch self {
        case .ifICry(let directive): "if I cry: \(directive.plainWords.lowercased())"
        case .skipTicklishSpots: "skip ticklish spots altogether"
        }
    }
}
