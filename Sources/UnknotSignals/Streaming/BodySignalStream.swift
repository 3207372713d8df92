/// The live session's reading of breathing and skin conductance, one sample at a time: causal
/// filters, breath onsets (rising zero crossings of the band-passed breath with hysteresis),
/// skin conductance responses (a rise of at least `minimumRise` µS in the phasic signal above
/// its lowest point since the last response, confirmed when it falls back by half that), and rolling rates over the last minute. Heart beats go to a
/// ``RollingHeartRhythm``.
///
/// Guarantees: every ``breath(_:at:)`` and ``skin(_:at:)`` step takes constant time and
/// allocates nothing.
public struct BodySignalStream: Sendable {
    public private(set) var breathing = RollingEventRate()
    public private(set) var responses = RollingEventRate()
    public private(set) var heart = RollingHeartRhythm()
    public let minimumRise: Double
    /// The rise (µS, phasic, trough to peak) of the last confirmed skin conductance response.
    public private(set) var lastResponseAmplitude = 0.0
    /// How far the phasic signal has climbed in a response still rising (µS), 0 otherwise: a
    /// response can be weighed while it rises, a second or two before it peaks.
    public var risingAmplitude: Double { rising ? peakValue - troughValue : 0 }

    private var breathFilter: StreamingFilter
    private var breathLevel = 0.0
    private var breathArmed = false
    private var edaLowpass: StreamingFilter
    private var edaHighpass: StreamingFilter
    private var started = false
    private var rising = false
    private var troughValue = Double.infinity
    private var peakValue = -Double.infinity

    public init(sampleRate: Double, minimumRise: Double = 0.02) throws(SignalError) {
        breathFilter = StreamingFilter(
            try Butterworth.design(order: 2, band: .bandpass(0.05, 3), sampleRate: sampleRate))
        edaLowpass = StreamingFilter(
            try Butterworth.design(order: 4, band: .lowpass(min(3, sampleRate / 2.5)), sampleRate: sampleRate))
        edaHighpass = StreamingFilter(try Butterworth.design(order: 2, band: .highpass(0.05), sampleRate: sampleRate))
        self.minimumRise = minimumRise
    }

    /// One breathing sample at `time` ms. Returns whether a breath began.
    @discardableResult
    public mutating func breath(_ value: Double, at time: Int) -> Bool {
        let x = breathFilter.step(value)
        // Running RMS level (about 10 s), for a hysteresis of a fifth of it.
        breathLevel += (x * x - breathLevel) * 0.0004
        let band = 0.2 * breathLevel.squareRoot()
        breathing.expire(now: time)
        if x < -band { breathArmed = true }
        if breathArmed, x > band {
            breathArmed = false
            breathing.add(at: time)
            return true
        }
        return false
    }

    /// One skin conductance sample (µS) at `time` ms. Returns whether a response peaked.
    @discardableResult
    public mutating func skin(_ value: Double, at time: Int) -> Bool {
        if !started {
            edaLowpass.settle(at: value)
            edaHighpass.settle(at: value)
            started = true
        }
        let phasic = edaHighpass.step(edaLowpass.step(value))
        responses.expire(now: time)
        // A response: the phasic level climbs at least `minimumRise` above its lowest point since
        // the last response, then falls back by half that (so noise on a rise is not two responses).
        if !rising {
            troughValue = min(troughValue, phasic)
            if phasic - troughValue >= minimumRise {
                rising = true
                peakValue = phasic
            }
            return false
        }
        peakValue = max(peakValue, phasic)
        guard phasic < peakValue - minimumRise / 2 else { return false }
        rising = false
        lastResponseAmplitude = peakValue - troughValue
        troughValue = phasic
        responses.add(at: time)
        return true
    }

    /// One heart beat: the RR interval (ms) ending at `time`.
    public mutating func beat(rrMilliseconds: Double, at time: Int) {
        heart.add(rrMilliseconds: rrMilliseconds, at: time)
    }
}
