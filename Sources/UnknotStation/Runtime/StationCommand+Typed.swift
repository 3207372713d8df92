import UnknotCore

extension StationCommand {
    /// The words a person types at a station's terminal console, each with what it does.
    public static let typedWords: [(word: String, meaning: String)] = [
        ("firmer", "more pressure"), ("lighter", "less pressure"), ("pause", "pause"), ("resume", "resume"),
        ("break", "take a break"), ("hurts [0-10]", "that hurts, with a rating if given"),
        ("skip", "skip this area"), ("more", "more time here"), ("call", "call staff"), ("end", "end the session"),
        ("stop", "staff's emergency stop"), ("release", "staff release the stop"),
    ]

    /// A command typed at the station's terminal console ("hurts 7", "pause", "stop" …).
    /// The error names the words there are.
    public init(typed text: String) throws(StationCommandError) {
        let words = text.lowercased().split(separator: " ").map(String.init)
        guard let first = words.first else { throw StationCommandError(text) }
        switch (first, words.count) {
        case ("firmer", 1): self = .control(.pressureUp)
        case ("lighter", 1): self = .control(.pressureDown)
        case ("pause", 1): self = .control(.pause)
        case ("resume", 1): self = .control(.resume)
        case ("break", 1): self = .control(.takeBreak)
        case ("hurts", 1): self = .control(.thatHurts(rating: nil))
        case ("hurts", 2):
            guard let rating = Int(words[1]), (0...10).contains(rating) else { throw StationCommandError(text) }
            self = .control(.thatHurts(rating: rating))
        case ("skip", 1): self = .control(.skipThisArea)
        case ("more", 1): self = .control(.moreTimeHere)
        case ("call", 1): self = .control(.callStaff)
        case ("end", 1): self = .control(.end)
        case ("stop", 1): self = .emergencyStop
        case ("release", 1): self = .releaseEmergencyStop
        default: throw StationCommandError(text)
        }
    }
}

/// A typed command that is not one, with the words there are.
public struct StationCommandError: Error, Sendable, Hashable, CustomStringConvertible {
    public let typed: String

    public init(_ typed: String) { self.typed = typed }

    public var description: String {
        "'\(typed)' is not a command; type one of: "
            + StationCommand.typedWords.map { "\($0.word) (\($0.meaning))" }.joined(separator: ", ")
    }
}
