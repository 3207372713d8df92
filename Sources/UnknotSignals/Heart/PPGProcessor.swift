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
        let waves = PeakFinding.regions(count: cleaned.count) { peakAverage[$0] > beatAverage[$0] + offset }
        let minimumDelay = Int((0.3 * sampleRate).rounded(.toNearestOrEven))
        return PeakFinding.mostProminentPeaks(
            cleaned, in: waves, minimumLength: Double(peakWindow), minimumDelay: minimumDelay)
    }
}
