import UnknotCore

/// What the care policy decided, for the record: the row it followed and where.
public struct PolicyDecision: Sendable, Hashable, Codable {
    /// The policy row's trigger, or `nil` for a decision about a client's control.
    public var trigger: PolicyTrigger?
    public var choice: PolicyChoice?
    public var actions: [PolicyAction]
    public var area: BodyArea?
    /// Specifics: levels before and after, which source, why an action was not possible.
    public var detail: String

    public init(
        trigger: PolicyTrigger?, choice: PolicyChoice?, actions: [PolicyAction], area: BodyArea?, detail: String
    ) {
        self.trigger = trigger
        self.choice = choice
        self.actions = actions
        self.area = area
        self.detail = detail
    }
}
