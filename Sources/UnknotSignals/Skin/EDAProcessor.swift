/// Skin conductance the way neurokit2 reads it by default: `eda_clean` (4th-order 3 Hz low-pass,
/// forward and backward), `eda_phasic` high-pass method (0.05 Hz second-order high-pass for the
/// phasic part, low-pass for the tonic), and `eda_peaks(method="neurokit")`: every local maximum
/// of the phasic signal whose prominence is at least a tenth of the largest, its onset the nearest
/// trough before it, its amplitude the phasic rise from onset to peak.
public struct EDAProcessor: Sendable {
    public let sampleRate: Double

    public init(sampleRate: Double) throws(SignalError) {
        guard sampleRate > 0, sampleRate.isFinite else { throw .badSampleRate(sampleRate) }
        self.sampleRate = sampleRate
    }

    public func clean(_ signal: [Double]) throws(SignalError) -> [Double] {
        guard sampleRate > 6 else { return signal }
        return try Butterworth.design(order: 4, band: .lowpass(3), sampleRate: sampleRate).zeroPhase(signal)
    }

    /// The slow tonic level and the fast phasic responses.
    public func split(_ cleaned: [Double]) throws(SignalError) -> (tonic: [Double], phasic: [Double]) {
        let phasic = try Butterworth.design(order: 2, band: .highpass(0.05), sampleRate: sampleRate).zeroPhase(cleaned)
        let tonic = try Butterworth.design(order: 2, band: .lowpass(0.05), sampleRate: sampleRate).zeroPhase(cleaned)
        return (tonic, phasic)
    }

    /// Skin conductance responses in the phasic signal.
    public func responses(_ phasic: [Double]) -> [SkinConductanceResponse] {
        let all = phasic[...]
        let peaks = PeakFinding.localMaxima(all)
        guard !peaks.isEmpty else { return [] }
        let prominence = PeakFinding.prominences(all, peaks: peaks)
        let largest = prominence.max() ?? 0
        let negated = phasic.map { -$0 }
        let troughs = PeakFinding.localMaxima(negated[...])
        var out: [SkinConductanceResponse] = []
        var t = 0
        for (peak, p) in zip(peaks, prominence) where largest > 0 && p / largest >= 0.1 {
            while t < troughs.count, troughs[t] < peak { t += 1 }
            let onset = t > 0 ? troughs[t - 1] : nil
            out.append(
                SkinConductanceResponse(
                    onset: onset, peak: peak, amplitude: onset.map { phasic[peak] - phasic[$0] }))
        }
        return out
    }
}

/// One skin conductance response: where it began (if a trough precedes it), where it peaked, and
/// how far it rose (µS).
public struct SkinConductanceResponse: Sendable, Hashable, Codable {
    public var onset: Int?
    public var peak: Int
    public var amplitude: Double?
}
