/// A sound heard at the table by an external classifier (a microphone under the face cradle and
/// any audio-event model), with how sure the classifier was. Unknot does not classify sound
/// itself; it weighs these labels with the body signals.
public struct SoundEvent: Hashable, Sendable, Codable {
    /// What the classifier says it heard.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case crying, sobbing, laughter, sigh, groan, gasp
        case stomachRumble = "stomach-rumble"
        case flatulence

        /// Digestive sounds: normal "rest and digest" activity, never evidence of distress.
        public var isDigestive: Bool { self == .stomachRumble || self == .flatulence }
    }

    public var kind: Kind
    /// 0 (a guess) to 1 (certain).
    public var confidence: Double

    public init(_ kind: Kind, confidence: Double) {
        self.kind = kind
        self.confidence = min(1, max(0, confidence))
    }
}
