import UnknotCore

/// What the care policy responds to: a reaction of the body or a request of the client,
/// qualified where CARE.md section 1 answers differently (pain again at the same spot,
/// crying with or without pain, laughter again at the same spot).
public enum PolicyTrigger: String, Codable, CodingKeyRepresentable, Sendable, CaseIterable {
    /// "That hurts", a pain rating above the limit, muscle guarding, breath-holding, a groan or gasp.
    case pain
    /// Pain again at a spot that already hurt this session.
    case painAgainAtSpot = "pain-again-at-spot"
    case cryingWithoutPain = "crying-without-pain"
    case cryingWithPain = "crying-with-pain"
    /// Laughter, a giggle, a jerk on a light stroke.
    case laughter
    /// Laughter again at a spot that already made the client laugh.
    case laughterAgainAtSpot = "laughter-again-at-spot"
    /// The break control, for any reason; no reason is ever asked or recorded.
    case breakRequest = "break-request"
    case digestiveNoise = "digestive-noise"
    case sigh
    case sleep
    case relaxation
    /// The session has ended (the report's words about emotions after a massage).
    case sessionEnded = "session-ended"

    /// How the reaction shows, in the words of the care guide.
    public var howItShows: String {
        switch self {
        case .pain:
            "\"that hurts\" control, pain rating above the client's limit, muscle guarding (tissue stiffens, force spikes), breath-holding, groan or gasp"
        case .painAgainAtSpot: "pain again at a spot that already hurt this session"
        case .cryingWithoutPain: "tears or sobbing, no guarding, force normal"
        case .cryingWithPain: "tears or sobbing with pain or guarding"
        case .laughter: "laughter, giggle, jerk on a light stroke"
        case .laughterAgainAtSpot: "laughter again at the same spot"
        case .breakRequest: "the break control, for any reason"
        case .digestiveNoise: "stomach rumbles, flatulence"
        case .sigh: "a sigh, going quiet"
        case .sleep: "falling asleep"
        case .relaxation: "heart rate down, RMSSD and HF power up, slower regular breathing"
        case .sessionEnded: "the session ends"
        }
    }
}
