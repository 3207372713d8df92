/// How loud a message is allowed to be.
enum MessageImportance: Int, Comparable, Sendable {
    /// Said aloud only with voice prompts on.
    case information
    /// Questions and answers to the client's own requests: aloud unless voice prompts are off.
    case question
    /// Pain and faults: aloud unless voice prompts are off.
    case safety

    static func < (a: MessageImportance, b: MessageImportance) -> Bool { a.rawValue < b.rawValue }
}
