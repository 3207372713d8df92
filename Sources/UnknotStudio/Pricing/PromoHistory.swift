/// What the studio knows of a client when a promo code is tried: how many sessions they have
/// had or booked (not cancelled), and which codes they have already used.
public struct PromoHistory: Hashable, Sendable, Codable {
    /// Sessions completed or booked and not cancelled, before this one.
    public var sessions: Int
    /// Codes this client has used (normalised).
    public var codesUsed: Set<String>

    public init(sessions: Int = 0, codesUsed: Set<String> = []) {
        self.sessions = sessions
        self.codesUsed = codesUsed
    }
}
