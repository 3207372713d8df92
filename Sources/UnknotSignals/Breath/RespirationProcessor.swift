/// Breathing: cleaning and breath detection the way neurokit2 does it by default
/// (`rsp_clean` and `rsp_peaks`, method "khodadad2018"): a 0.05-3 Hz second-order Butterworth
/// band-pass run forward and backward, then one extreme between each pair of zero crossings,
/// extremes too close in height to their neighbour dropped (below 0.3 × the median difference),
/// the alternation of peaks (end of inhalation) and troughs (end of exhalation) restored, and the
/// series made to start with a trough and end with a peak.
public struct RespirationProcessor: Sendable {
    public let sampleRate: Double

    public init(sampleRate: Double) throws(SignalError) {
        guard sampleRate > 0, sampleRate.isFinite else { throw .badSampleRate(sampleRate) }
        self.sampleRate = sampleRate
    }

    public func clean(_ signal: [Double]) throws(SignalError) -> [Double] {
        try Butterworth.design(order: 2, band: .bandpass(0.05, 3), sampleRate: sampleRate).zeroPhase(signal)
    }

    /// Peaks (ends of inhalation) and troughs (ends of exhalation), as sample indices.
    public func breaths(_ cleaned: [Double]) -> (peaks: [Int], troughs: [Int]) {
        var rises: [Int] = []
        var falls: [Int] = []
        for i in 0..<(cleaned.count - 1) {
            if cleaned[i] < 0, cleaned[i + 1] > 0 { rises.append(i) }
            if cleaned[i] > 0, cleaned[i + 1] < 0 { falls.append(i) }
        }
        guard let firstRise = rises.first, let firstFall = falls.first else { return ([], []) }
        let startsRising = firstRise < firstFall
        let crossings = (rises + falls).sorted()
        var extrema: [Int] = []
        for i in 0..<(crossings.count - 1) {
            let begin = crossings[i]
            let end = crossings[i + 1]
            guard end > begin else { continue }
            let findMaximum = startsRising ? (i + 1) % 2 != 0 : (i + 1) % 2 == 0
            var best = begin
            for j in begin..<end {
                if findMaximum ? cleaned[j] > cleaned[best] : cleaned[j] < cleaned[best] { best = j }
            }
            extrema.append(best)
        }
        guard extrema.count >= 3 else { return ([], []) }
        // Extremes too close in height to the next one are not breaths.
        let differences = zip(extrema, extrema.dropFirst()).map { abs(cleaned[$1] - cleaned[$0]) }
        let median = Self.median(differences)
        extrema = differences.indices.filter { differences[$0] > median * 0.3 }.map { extrema[$0] }
        // Restore the alternation of peaks and troughs.
        var amplitudes = extrema.map { cleaned[$0] }
        if amplitudes.count >= 3 {
            let signs = zip(amplitudes, amplitudes.dropFirst()).map { b -> Double in
                let d = b.1 - b.0
                return d > 0 ? 1 : d < 0 ? -1 : 0
            }
            var remove = Set<Int>()
            for i in 0..<(signs.count - 1) where signs[i] + signs[i + 1] != 0 { remove.insert(i + 1) }
            extrema = extrema.indices.filter { !remove.contains($0) }.map { extrema[$0] }
            amplitudes = extrema.map { cleaned[$0] }
        }
        guard amplitudes.count >= 2 else { return ([], []) }
        if amplitudes[0] > amplitudes[1] {
            extrema.removeFirst()
            amplitudes.removeFirst()
        }
        if amplitudes.count >= 2, amplitudes[amplitudes.count - 1] < amplitudes[amplitudes.count - 2] {
            extrema.removeLast()
        }
        let peaks = stride(from: 1, to: extrema.count, by: 2).map { extrema[$0] }
        let troughs = stride(from: 0, to: extrema.count - 1, by: 2).map { extrema[$0] }
        return (peaks, troughs)
    }

    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let mid = sorted.count / 2
        return sorted.count % 2 == 0 ? (sorted[mid - 1] + sorted[mid]) / 2 : sorted[mid]
    }
}

/// Breathing figures from breaths: rate and breath-to-breath variability.
public struct BreathingSummary: Sendable, Hashable, Codable {
    public var breaths: Int
    /// Breaths per minute as neurokit2's `rsp_rate` gives it on average: 60 / breath period at
    /// each trough, the first period the mean of the others, interpolated over every sample with
    /// a monotone cubic (held constant outside the first and last trough), averaged.
    public var rate: Double
    /// Breaths per minute from the mean trough-to-trough interval.
    public var rateFromIntervals: Double
    /// Standard deviation of breath-to-breath intervals, seconds.
    public var intervalSD: Double
    /// Root mean square of successive differences of breath intervals, seconds.
    public var intervalRMSSD: Double

    public init(peaks: [Int], troughs: [Int], samples: Int, sampleRate: Double) {
        breaths = peaks.count
        let intervals = zip(troughs, troughs.dropFirst()).map { Double($1 - $0) / sampleRate }
        let mean = intervals.isEmpty ? 0 : intervals.reduce(0, +) / Double(intervals.count)
        rateFromIntervals = mean > 0 ? 60 / mean : 0
        var squares = 0.0
        for v in intervals { squares += (v - mean) * (v - mean) }
        intervalSD = intervals.count > 1 ? (squares / Double(intervals.count - 1)).squareRoot() : 0
        var successive = 0.0
        for (a, b) in zip(intervals, intervals.dropFirst()) { successive += (b - a) * (b - a) }
        intervalRMSSD = intervals.count > 2 ? (successive / Double(intervals.count - 1)).squareRoot() : 0
        rate = Self.meanRate(troughs: troughs, samples: samples, sampleRate: sampleRate) ?? rateFromIntervals
    }

    static func meanRate(troughs: [Int], samples: Int, sampleRate: Double) -> Double? {
        guard troughs.count > 3, let last = troughs.last, samples > last else { return nil }
        var period = [0.0] + zip(troughs, troughs.dropFirst()).map { Double($1 - $0) / sampleRate }
        period[0] = period.dropFirst().reduce(0, +) / Double(period.count - 1)
        guard let curve = try? MonotoneCubic(x: troughs.map(Double.init), y: period) else { return nil }
        var values = curve.values(at: (0..<samples).map(Double.init))
        let first = troughs[0]
        for i in 0..<first { values[i] = values[first] }
        for i in (last + 1)..<samples { values[i] = values[last] }
        return values.reduce(0) { $0 + 60 / $1 } / Double(samples)
    }
}
