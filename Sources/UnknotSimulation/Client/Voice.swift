import UnknotCore

/// A sound a simulated client made: what kind, when (ms) and for how long. A station that hears
/// real recordings plays clips of that kind for that long (``SimulatedHearing``).
public struct Voice: Sendable, Hashable {
    public var kind: SoundEvent.Kind
    public var at: Int
    public var milliseconds: Int

    public init(kind: SoundEvent.Kind, at: Int, milliseconds: Int) {
        self.kind = kind
        self.at = at
        self.milliseconds = max(1, milliseconds)
    }
}
