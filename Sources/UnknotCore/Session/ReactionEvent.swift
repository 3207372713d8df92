/// A reaction inferred by a detector (body signals, sound, force), with how sure it is and why.
///
/// Reactions are evidence, not certainty: the live session weighs them by `confidence` and
/// never lets them override what the client says with the controls.
public struct ReactionEvent: Hashable, Sendable, Codable {
    public var kind: ReactionKind
    /// 0 (a guess) to 1 (certain).
    public var confidence: Double
    /// The signs it was read from, strongest first.
    public var evidence: [ReactionEvidence]

    public init(_ kind: ReactionKind, confidence: Double, evidence: [ReactionEvidence] = []) {
        self.kind = kind
        self.confidence = min(1, max(0, confidence))
        self.evidence = evidence
    }
}
