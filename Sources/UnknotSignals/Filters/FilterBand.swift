/// Which frequencies a filter keeps.
public enum FilterBand: Sendable, Hashable {
    case lowpass(Double)
    case highpass(Double)
    /// Keeps `low...high`.
    case bandpass(Double, Double)

    /// The cut-off frequencies, Hz.
    public var frequencies: [Double] {
        switch self {
        case .lowpass(let f), .highpass(let f): [f]
        case .bandpass(let low, let high): [low, high]
        }
    }
}

/// Why a filter or a signal could not be processed.
public enum SignalError: Error, CustomStringConvertible, Sendable, Equatable {
    case badFilter(String)
    case tooShort(samples: Int, needed: Int, what: String)
    case badSampleRate(Double)

    public var description: String {
        switch self {
        case .badFilter(let why): "cannot design the filter: \(why)"
        case .tooShort(let samples, let needed, let what):
            "the signal has \(samples) samples; \(what) needs more than \(needed)"
        case .badSampleRate(let rate): "sampling rate \(rate) Hz is not usable; give the rate in Hz, more than 0"
        }
    }
}
