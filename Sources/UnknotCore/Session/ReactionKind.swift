/// The reactions of a body during a massage that Unknot notices (CARE.md section 1).
public enum ReactionKind: String, Codable, CodingKeyRepresentable, Sendable, CaseIterable {
    /// Pain shown by the body: muscle guarding, breath-holding, a groan or gasp.
    case pain
    /// Tears or sobbing.
    case crying
    /// Laughter, a giggle, a jerk on a light stroke.
    case laughter
    case sigh
    /// Heart rate down, RMSSD and HF power up, slower and steadier breathing.
    case relaxation
    case sleep
    /// Stomach rumbles or flatulence: normal "rest and digest" activity, never an alert.
    case digestiveNoise = "digestive-noise"

    public var displayName: String {
        switch self {
        case .pain: "pain"
        case .crying: "crying"
        case .laughter: "laughter"
        case .sigh: "a sigh"
        case .relaxation: "relaxation"
        case .sleep: "sleep"
        case .digestiveNoise: "digestive noise"
        }
    }

    /// Whether the reaction may ever appear, with the client's name, on a staff view.
    public var mayReachStaff: Bool { self != .digestiveNoise }
}
