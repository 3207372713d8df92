import Foundation

/// What the client wants when they cry without pain (CARE.md section 1).
public enum CryingDirective: String, Codable, Sendable, CaseIterable {
    case keepGoingQuietly = "keep-going-quietly"
    case pauseAndOfferTissue = "pause-and-offer-tissue"
    case checkIn = "check-in"
    case lighterAndSlower = "lighter-and-slower"
    case endSession = "end-session"

    /// The directive in plain words, as the client chose it.
    public var plainWords: String {
        switch self {
        case .keepGoingQuietly: "Keep going quietly; don't ask me anything."
        case .pauseAndOfferTissue: "Pause and offer me a tissue."
        case .checkIn: "Check in with me."
        case .lighterAndSlower: "Go lighter and slower."
        case .endSession: "End the session."
        }
    }

    /// What happens when the client gave no directive.
    public static let defaultPlainWords =
        "Keep working gently, one level lighter, and ask me once, quietly, whether I'd like a break, a tissue, or to keep going."
}
