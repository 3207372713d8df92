/// What Unknot listens for at the table, each the strongest of the YAMNet classes it gathers.
public enum SoundKind: String, CaseIterable, Sendable, Codable {
    case crying, laughter, sigh, groan, gasp
    case stomachRumble = "stomach-rumble"
    case flatulence, snoring, cough, speech

    /// The YAMNet classes (indices into its 521 outputs, names from its class map) this kind takes.
    public var yamnetClasses: [Int] {
        switch self {
        case .crying: [19, 20, 21]  // Crying, sobbing; Baby cry, infant cry; Whimper
        // Laughter; Baby laughter; Giggle; Snicker; Belly laugh; Chuckle, chortle
        case .laughter: [13, 14, 15, 16, 17, 18]
        case .sigh: [23]  // Sigh
        case .groan: [22, 33]  // Wail, moan; Groan
        case .gasp: [39]  // Gasp
        case .stomachRumble: [52]  // Stomach rumble
        case .flatulence: [55]  // Fart
        case .snoring: [38]  // Snoring
        case .cough: [42, 43]  // Cough; Throat clearing
        case .speech: [0, 1, 2, 3]  // Speech; Child speech; Conversation; Narration, monologue
        }
    }

    var index: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}

/// One score (0-1) per ``SoundKind``, held inline (no allocation).
public struct SoundScores: Sendable, Equatable {
    var values = SIMD16<Float>()

    public init() {}

    /// Each kind's score: the highest of its YAMNet classes' scores.
    public init(yamnet scores: UnsafeBufferPointer<Float>) {
        for kind in SoundKind.allCases {
            var best: Float = 0
            for index in kind.yamnetClasses where index < scores.count {
                best = max(best, scores[index])
            }
            values[kind.index] = best
        }
    }

    public subscript(kind: SoundKind) -> Float {
        get { values[kind.index] }
        set { values[kind.index] = newValue }
    }
}
