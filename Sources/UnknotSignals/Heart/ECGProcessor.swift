/// ECG cleaning and R-peak detection, the way neurokit2 does it by default
/// (`ecg_clean(method="neurokit")` and `ecg_peaks(method="neurokit")`): a 0.5 Hz fifth-order
/// Butterworth high-pass run forward and backward, a moving average one mains period wide
/// against 50 Hz interference, then QRS complexes found where the smoothed absolute gradient
/// exceeds 1.5 times its slower average, and in each long-enough complex the most prominent
/// local maximum, at least 0.3 s after the previous R peak.
public struct ECGProcessor: Sendable {
    public let sampleRate: Double
    /// Mains frequency, Hz.
    public var powerline: Double = 50

    public init(sampleRate: Double) throws(SignalError) {
        guard sampleRate > 0, sampleRate.isFinite else { throw .badSampleRate(sampleRate) }
        self.sampleRate = sampleRate
    }

    /// The cleaned ECG.
    public func clean(_ ecg: [Double]) throws(SignalError) -> [Double] {
        let highpass = try Butterworth.design(order: 5, band: .highpass(0.5), sampleRate: sampleRate)
        let drifted = try highpass.zeroPhase(ecg)
        let width = sampleRate >= 100 ? Int(sampleRate / powerline) : 2
        return try LinearFilter.movingAverage(width: width).zeroPhase(drifted)
    }

    /// R-peak sample indices in a cleaned ECG.
    public func rPeaks(_ cleaned: [Double]) -> [Int] {
        let gradient = PeakFinding.gradient(cleaned).map(abs)
        let smoothSize = Int((0.1 * sampleRate).rounded(.toNearestOrEven))
        let averageSize = Int((0.75 * sampleRate).rounded(.toNearestOrEven))
        let smooth = PeakFinding.movingMean(gradient, size: smoothSize)
        let average = PeakFinding.movingMean(smooth, size: averageSize)
        let minimumDelay = Int((0.3 * sampleRate).rounded(.toNearestOrEven))
        var begins: [Int] = []
        var ends: [Int] = []
        var previous = smooth[0] > 1.5 * average[0]
        for i in 1..<smooth.count {
            let inside = smooth[i] > 1.5 * average[i]
            if inside, !previous { begins.append(i - 1) }
            if !inside, previous { ends.append(i - 1) }
            previous = inside
        }
        guard let firstBegin = begins.first else { return [] }
        ends = ends.filter { $0 > firstBegin }
        let count = min(begins.count, ends.count)
        guard count > 0 else { return [] }
        var totalLength = 0.0
        for i in 0..<count { totalLength += Double(ends[i] - begins[i]) }
        let minimumLength = totalLength / Double(count) * 0.4
        var peaks: [Int] = []
        var last = 0
        for i in 0..<count {
            let begin = begins[i]
            let end = ends[i]
            guard Double(end - begin) >= minimumLength else { continue }
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
