import UnknotCore

/// A reaction the simulated client really had, with when it began and ended: what a detector
/// should have found.
public struct GroundTruthReaction: Sendable, Hashable, Codable {
    public var kind: ReactionKind
    /// Milliseconds since the session started.
    public var start: Int
    public var end: Int

    public init(kind: ReactionKind, start: Int, end: Int) {
        self.kind = kind
        self.start = start
        self.end = end
    }
}
