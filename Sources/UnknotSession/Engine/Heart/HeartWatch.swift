import UnknotCore
import UnknotSignals

/// The heart subsystem: the client's heart beats, kept for the live heart rate (last minute),
/// the rhythm at the start (the first three minutes of the plan) and at the end (the last
/// three minutes), for the summary.
///
/// Input: beat-to-beat intervals. Outputs: ``heartRate``, ``atStart``, ``atEnd``. Guarantees:
/// intervals outside 250-2,000 ms (30-240 bpm: a missed or doubled beat) are dropped; taking a
/// beat allocates nothing.
struct HeartWatch: Sendable {
    private var rhythm = RollingHeartRhythm(window: 60_000)
    private var startBeats: [Double] = []
    private var endRhythm = RollingHeartRhythm(window: 180_000, capacity: 720)

    /// The start window: this much plan time, at most this many beats.
    static let startWindowMilliseconds = 180_000
    static let startWindowBeats = 600
    /// Plausible beat-to-beat intervals, ms.
    static let plausibleInterval = 250.0...2_000.0

    init() { startBeats.reserveCapacity(Self.startWindowBeats) }

    /// Takes one beat `rrMilliseconds` after the previous one. `startWindow` says the plan is in
    /// its first minutes (or the client is settling in).
    mutating func take(beat rrMilliseconds: Double, at now: Int, startWindow: Bool) {
        guard rrMilliseconds > Self.plausibleInterval.lowerBound, rrMilliseconds < Self.plausibleInterval.upperBound
        else { return }
        rhythm.add(rrMilliseconds: rrMilliseconds, at: now)
        endRhythm.add(rrMilliseconds: rrMilliseconds, at: now)
        if startWindow, startBeats.count < Self.startWindowBeats { startBeats.append(rrMilliseconds) }
    }

    /// Heart rate over the last minute, bpm (0 before the first beats).
    var heartRate: Double { rhythm.heartRate }

    /// The rhythm of the first minutes.
    var atStart: HeartRhythm { HeartRhythm(rrMilliseconds: startBeats) }

    /// The rhythm of the last three minutes.
    var atEnd: HeartRhythm { HeartRhythm(rrMilliseconds: endRhythm.intervalsInWindow) }
}
