/// What one window of sound (0.96 s, every 0.48 s or finer) scored, and when it was.
public struct HeardWindow: Sendable, Equatable {
    /// Seconds from the start of the audio to the window's first sample.
    public var start: Double
    /// Seconds to just after its last sample.
    public var end: Double
    public var scores: SoundScores
}
