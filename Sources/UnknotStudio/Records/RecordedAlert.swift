/// A reaction from a session that staff may be alerted to (only where the client allowed it).
public struct RecordedAlert: Sendable, Hashable, Codable {
    /// When, studio-local minutes.
    public var at: Int
    /// The reaction, in the engine's words (pain, crying, needsBreak …).
    public var reaction: String
    public var confidence: Double?
    /// About the station (a fault), not the client: staff always see these.
    public var aboutStation: Bool

    public init(at: Int, reaction: String, confidence: Double?, aboutStation: Bool = false) {
        self.at = at
        self.reaction = reaction
        self.confidence = confidence
        self.aboutStation = aboutStation
    }
}
