/// Per kind of sound: the score at which an event begins and the score under which it ends.
public struct SoundThresholds: Sendable, Equatable {
    public struct Level: Sendable, Equatable {
        public var onset: Float
        public var release: Float

        public init(onset: Float, release: Float) {
            self.onset = onset
            self.release = min(release, onset)
        }
    }

    var levels: [Level]

    public init(_ levels: [SoundKind: Level]) {
        self.levels = SoundKind.allCases.map { levels[$0] ?? Level(onset: 0.5, release: 0.3) }
    }

    public subscript(kind: SoundKind) -> Level {
        get { levels[kind.index] }
        set { levels[kind.index] = newValue }
    }
}
