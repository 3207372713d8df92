/// Pulse (PPG) cleaning and systolic-peak detection, neurokit2's default: `ppg_clean`
/// (Elgendi: 0.5-8 Hz second-order Butterworth band-pass, forward and backward) and `ppg_peaks`
/// (Elgendi et al. 2013: the positive part squared, a 111 ms moving average against a 667 ms one
/// plus 2 % of the mean, waves at least 111 ms long, the most prominent maximum of each, 0.3 s apart).
public struct PPGProcessor: Sendable {
    public let sampleRate: Double

    public init(sampleRate: Double) throws(SignalError) {
        guard sampleRate > 0, sampleRate.isFinite else { throw .badSampleRate(sampleRate) }
        self.sampleRate = sampleRate
    }

    public func clean(_ ppg: [Double]) throws(SignalError) -> [Double] {
        try Butterworth.design(order: 2, band: .bandpass(0.5, 8), sampleRate: sampleRate).zeroPhase(ppg)
    }

    /// Systolic peak sample indices in a cleaned PPG.
    public func systolicPeaks(_ cleaned: [Double]) -> [Int] {
        let squared = cleaned.map { $0 > 0 ? $0 * $0 : 0 }
        let peakWindow = Int((0.111 * sampleRate).rounded(.toNearestOrEven))
        let beatWindow = Int((0.667 * sampleRate).rounded(.toNearestOrEven))
        let peakAverage = PeakFinding.movingMean(squared, size: peakWindow)
        let beatAverage = PeakFinding.movingMean(squared, size: beatWindow)
        let offset = 0.02 * squared.reduce(0, +) / Double(max(squared.count, 1))
        var begins: [Int] = []
        var ends: [Int] = []
        var previous = peakAverage[0] > beatAverage[0] + offset
        for i in 1..<cleaned.count {
            let inside = peakAverage[i] > beatAverage[i] + offset
            if inside, !previous { begins.append(i - 1) }
            if !inside, previous { ends.append(i - 1) }
            previous = inside
        }
        guard let first = begins.first else { return [] }
        ends = ends.filter { $0 > first }
        let count = min(begins.count, ends.count)
        let minimumLength = peakWindow
        let minimumDelay = Int((0.3 * sampleRate).rounded(.toNearestOrEven))
        var peaks: [Int] = []
        var last = 0
        for i in 0..<count {
            let begin = begins[i]
            let end = ends[i]
            guard end - begin >= minimumLength else { continue }
            let window = cleaned[begin..<end]
            let maxima = PeakFinding.localMaxima(window)
            guard !maxima.isEmpty else { continue }
            let prominence = PeakFinding.prominences(window, peaks: maxima)
            var best = 0
            for k in prominence.indices where prominence[k] > prominence[best] { best = k }
            let peak = maxima[best]
            if peak - last > minimumDelay {
                peaks.append(peak)
                last = peak
            }
        }
        return peaks
    }
}
