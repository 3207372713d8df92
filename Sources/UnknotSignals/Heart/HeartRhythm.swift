/// Time-domain heart-rate variability of a series of RR intervals (milliseconds), computed in
/// one pass.
///
/// Guarantees: an empty series gives zeros; `rmssd` and `sdnn` need two intervals or more.
public struct HeartRhythm: Sendable, Hashable, Codable {
    public var beats: Int
    /// Mean heart rate, beats per minute.
    public var heartRate: Double
    /// Root mean square of successive differences, milliseconds.
    public var rmssd: Double
    /// Standard deviation of the intervals (sample), milliseconds.
    public var sdnn: Double

    public init(rrMilliseconds rr: some Collection<Double>) {
        beats = rr.count
        guard !rr.isEmpty else {
            heartRate = 0
            rmssd = 0
            sdnn = 0
            return
        }
        let mean = rr.reduce(0, +) / Double(rr.count)
        heartRate = mean > 0 ? 60_000 / mean : 0
        var squares = 0.0
        var diffs = 0.0
        var previous: Double?
        for value in rr {
            squares += (value - mean) * (value - mean)
            if let previous { diffs += (value - previous) * (value - previous) }
            previous = value
        }
        rmssd = rr.count > 1 ? (diffs / Double(rr.count - 1)).squareRoot() : 0
        sdnn = rr.count > 1 ? (squares / Double(rr.count - 1)).squareRoot() : 0
    }
}
