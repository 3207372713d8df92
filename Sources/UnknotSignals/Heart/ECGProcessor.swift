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
        let width = sampleRate >= 100 ? Int(sampleRate / powerline) : 2
        return try ZeroPhaseChain(sections: highpass, average: LinearFilter.movingAverage(width: width)).apply(ecg)
    }

    /// R-peak sample indices in a cleaned ECG.
    public func rPeaks(_ cleaned: [Double]) -> [Int] {
        let smoothSize = Int((0.1 * sampleRate).rounded(.toNearestOrEven))
        let averageSize = Int((0.75 * sampleRate).rounded(.toNearestOrEven))
        let minimumDelay = Int((0.3 * sampleRate).rounded(.toNearestOrEven))
        let complexes = QRSRegions.find(cleaned, smoothSize: smoothSize, averageSize: averageSize)
        guard !complexes.isEmpty else { return [] }
        // Complexes shorter than 0.4 times the average length are not QRS complexes.
        let averageLength = complexes.reduce(0.0) { $0 + Double($1.end - $1.begin) } / Double(complexes.count)
        return PeakFinding.mostProminentPeaks(
            cleaned, in: complexes, minimumLength: averageLength * 0.4, minimumDelay: minimumDelay)
    }
}
