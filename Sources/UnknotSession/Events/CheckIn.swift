import UnknotCore

/// One short question on the console with one-tap answers.
public struct CheckIn: Sendable, Hashable, Codable {
    public var kind: CheckInKind
    public var question: String
    public var answers: [CheckInAnswer]
    public var quiet: Bool

    public init(kind: CheckInKind, question: String, answers: [CheckInAnswer], quiet: Bool = false) {
        self.kind = kind
        self.question = question
        self.answers = answers
        self.quiet = quiet
    }
}

/// Why the session asks.
public enum CheckInKind: String, Codable, Sendable, CaseIterable {
    /// A planned question about the pressure.
    case pressure
    /// After easing off for pain.
    case afterPain = "after-pain"
    /// After easing off because a detector saw pain the client did not report.
    case afterDetectedPain = "after-detected-pain"
    /// After tears.
    case crying
}
