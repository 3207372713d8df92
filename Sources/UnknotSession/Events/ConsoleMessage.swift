import UnknotCore

/// A short message for the client's console, in plain, kind words.
public struct ConsoleMessage: Sendable, Hashable, Codable {
    public var text: String
    /// Whether the station says it aloud (voice prompts on or minimal, client awake).
    public var spoken: Bool
    /// Said softly (a quiet check-in).
    public var quiet: Bool

    public init(_ text: String, spoken: Bool, quiet: Bool = false) {
        self.text = text
        self.spoken = spoken
        self.quiet = quiet
    }
}
