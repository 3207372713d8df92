/// Time-domain heart-rate variability of R peaks, defined as neurokit2's `hrv_time` defines
/// it: intervals in ms; SDNN with one degree of freedom; RMSSD over successive differences;
/// pNN50 as the share of differences above 50 ms among intervals.
public struct HeartRateVariability: Sendable, Hashable, Codable {
    public var beats: Int
    public var meanNN: Double
    public var sdnn: Double
    public var rmssd: Double
    public var pnn50: Double
    /// Mean heart rate, bpm (from the mean interval).
    public var heartRate: Double

    public init(rPeaks: [Int], sampleRate: Double) {
        let intervals = zip(rPeaks, rPeaks.dropFirst()).map { Double($1 - $0) / sampleRate * 1_000 }
        self.init(intervals: intervals)
        beats = rPeaks.count
    }

    public init(intervals: [Double]) {
        beats = intervals.count + 1
        let n = Double(intervals.count)
        meanNN = intervals.isEmpty ? 0 : intervals.reduce(0, +) / n
        var squares = 0.0
        for v in intervals { squares += (v - meanNN) * (v - meanNN) }
        sdnn = intervals.count > 1 ? (squares / (n - 1)).squareRoot() : 0
        var successive = 0.0
        var over50 = 0
        for (a, b) in zip(intervals, intervals.dropFirst()) {
            successive += (b - a) * (b - a)
            if abs(b - a) > 50 { over50 += 1 }
        }
        let differences = Double(max(0, intervals.count - 1))
        rmssd = differences > 0 ? (successive / differences).squareRoot() : 0
        pnn50 = intervals.isEmpty ? 0 : Double(over50) / (differences + 1) * 100
        heartRate = meanNN > 0 ? 60_000 / meanNN : 0
    }
}
