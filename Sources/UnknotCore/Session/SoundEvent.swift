/// A sound heard at the table, with how sure the hearing was: from the station's own hearing
/// (`UnknotHearing`, YAMNet on the microphone, when the client's care plan lets the station
/// listen) or, in simulation, from a modelled classifier. The reaction detector weighs these
/// labels with the body signals.
public struct SoundEvent: Hashable, Sendable, Codable {
    /// What was heard.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case crying, sobbing, laughter, sigh, groan, gasp
        case stomachRumble = "stomach-rumble"
        case flatulence, snoring, cough, speech

        /// Digestive sounds: normal "rest and digest" activity, never evidence of distress.
        public var isDigestive: Bool { self == .stomachRumble || self == .flatulence }

        /// Whether the sound can ever count toward distress (pain, tears): digestive sounds,
        /// snoring, coughs and speech never do (CARE.md section 1); a client saying "could you go
        /// a bit lighter" is heard as speech and changes nothing by itself.
        public var mayShowDistress: Bool {
            switch self {
            case .crying, .sobbing, .groan, .gasp: true
            case .laughter, .sigh, .stomachRumble, .flatulence, .snoring, .cough, .speech: false
            }
        }

        /// The kinds a modelled classifier confuses at random (fixed, so adding a kind changes no
        /// seeded simulation).
        public static let confusable: [Kind] = [
            .crying, .sobbing, .laughter, .sigh, .groan, .gasp, .stomachRumble, .flatulence,
        ]
    }

    public var kind: Kind
    /// 0 (a guess) to 1 (certain).
    public var confidence: Double

    public init(_ kind: Kind, confidence: Double) {
        self.kind = kind
        self.confidence = min(1, max(0, confidence))
    }
}
