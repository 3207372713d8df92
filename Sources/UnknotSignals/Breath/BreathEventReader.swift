/// Breath events read from a breathing signal one sample at a time (CARE.md section 7):
///
/// - **sighs**: a breath at least `sighDepth` times as deep as the recent ones (depth from the
///   0.05-1 Hz band, peak to trough, between breath onsets);
/// - **laughter bursts**: rapid oscillation at 4-6.5 Hz (the "ha-ha" syllable rate) riding on
///   the breath, above `laughterShare` of a typical breath's depth, held 0.3 s; a bout ends
///   after 2 s without;
/// - **sob-like breathing**: catching inhalations at 2-3.3 Hz above `sobShare` of a breath's
///   depth, held 0.4 s (weighed over 0.3 s); a bout ends after 4 s without. Both must also stand
///   well above the 7.5-11 Hz band, where movement artefacts and noise show and neither reaction
///   does.
///
/// **A train, not a ring.** A sob-like bout begins only when the sob band's last four swings
/// (half-cycles) are each at least `sobShare` of a breath and alike in size, the smallest at least
/// `catchEvenness` of the largest: catching
/// breaths come as a train, while a band-pass filter struck by one jolt rings up and dies away
/// within three or four swings (0.6, 1, 0.8, 0.44, 0.16 of its largest).
///
/// **Movement is not a reaction.** A swing of the breath band beyond `artefactDepth` typical
/// breaths (a belt tugged, the client shifting, a sensor at its rail) sets the reading aside: no
/// laughter or sobbing is found from it, nor for `artefactSettle` ms after (the band filters ring
/// on a step, and a ringing 2-3 Hz filter looks like catching breaths), and the breaths it fell
/// in or after, for `depthSettle` ms, are neither sighs nor part of the typical depth. Real recordings show why (systole's Task1: its
/// bouts of "sob-like breathing" were steps 10-30 times a breath deep, rung through the sob band).
///
/// Needs at least 20 samples per second (the laughter band reaches 6.5 Hz, the noise band
/// beyond it 7.5 Hz).
///
/// Guarantees: each ``step(_:at:breathBegan:)`` takes constant time and allocates nothing.
public struct BreathEventReader: Sendable {
    /// What a step can find.
    public enum Event: Sendable, Hashable {
        /// A breath that was `depthRatio` times as deep as the recent ones ended.
        case sigh(depthRatio: Double)
        /// A laughter bout began at `start` (ms), found now.
        case laughterBegan(start: Int)
        case laughterEnded
        /// A bout of sob-like breathing began at `start` (ms), found now.
        case sobbingBegan(start: Int)
        case sobbingEnded
    }

    /// Thresholds; the defaults were set on the simulated personas' seeds 1-10.
    public struct Configuration: Sendable, Hashable {
        public var laughterShare = 0.12
        public var sobShare = 0.2
        /// Bursts must stand this many times above the 7.5-11 Hz band, where movement and
        /// noise show but neither laughter nor sobbing does.
        public var overNoise = 2.5
        public var sighDepth = 2.0
        /// The breath band swinging beyond this many typical breath depths (peak to trough) from
        /// its mean is movement, not breathing: a sigh reaches about 1.3, a sob-laden breath 0.7.
        public var artefactDepth = 2.5
        /// How long (ms) after movement the laughter and sob bands are not read.
        public var artefactSettle = 2_000
        /// How long (ms) after movement breaths are neither sighs nor part of the typical depth:
        /// the breath band's own swing after a jolt takes about 14 s to fall under 5 %.
        public var depthSettle = 15_000
        /// How alike the sob band's last four swings must be for a bout to begin (smallest over
        /// largest).
        public var catchEvenness = 0.5
        /// How long sob-like bursts must last to begin a bout (ms).
        public var sobHold = 400
        /// Nothing is reported before this (ms from the first sample), while filters settle.
        public var warmUp = 3_000
        public init() {}
    }

    public let configuration: Configuration
    private var laughBand: StreamingFilter
    private var sobBand: StreamingFilter
    private var depthBand: StreamingFilter
    private var noiseBand: StreamingFilter
    private let smoothing: Double
    /// Sob-like bursts are weighed over a shorter window (0.3 s): a catching breath is short.
    private let sobSmoothing: Double
    private var noisePower = 0.0
    private var laughPower = 0.0
    private var sobPower = 0.0
    private var depthPower = 0.0
    private var cycleHigh = -Double.infinity
    private var cycleLow = Double.infinity
    private var breaths = 0
    private var first: Int?

    /// Typical breath depth (peak to trough), from whole breaths, sighs left out.
    public private(set) var typicalDepth = 0.0
    /// The last time (ms) laughter-like or sob-like bursts were present, held or not.
    public private(set) var lastBurst = Int.min / 2
    public private(set) var isLaughing = false
    public private(set) var isSobbing = false
    private var laughSince = Int.min / 2
    private var laughSeen = Int.min / 2
    private var sobSince = Int.min / 2
    private var sobSeen = Int.min / 2
    private var laughCandidate = false
    private var sobCandidate = false
    /// Until when (ms) movement keeps the laughter and sob bands, and the breaths' depths, from
    /// being read.
    private var disturbedUntil = Int.min / 2
    private var depthDisturbedUntil = Int.min / 2
    /// Whether movement fell in the current breath, and in how many breaths in a row.
    private var cycleDisturbed = false
    private var disturbedBreaths = 0
    /// The sob band's last four swings (the largest value of each half-cycle), newest in lane 0,
    /// the current swing's largest so far, and its sign.
    private var swings = SIMD4<Double>()
    private var swing = 0.0
    private var swingPositive = false

    /// Whether the breathing signal is being set aside as movement now (see the type's notes).
    public func isDisturbed(at time: Int) -> Bool { time < disturbedUntil }

    public init(sampleRate: Double, configuration: Configuration = Configuration()) throws(SignalError) {
        guard sampleRate >= 20, sampleRate.isFinite else { throw .badSampleRate(sampleRate) }
        self.configuration = configuration
        laughBand = StreamingFilter(try Butterworth.design(order: 2, band: .bandpass(4, 6.5), sampleRate: sampleRate))
        sobBand = StreamingFilter(try Butterworth.design(order: 2, band: .bandpass(2, 3.3), sampleRate: sampleRate))
        depthBand = StreamingFilter(try Butterworth.design(order: 2, band: .bandpass(0.05, 1), sampleRate: sampleRate))
        noiseBand = StreamingFilter(
            try Butterworth.design(order: 2, band: .bandpass(7.5, min(11, sampleRate * 0.45)), sampleRate: sampleRate))
        smoothing = 1 / (0.5 * sampleRate)
        sobSmoothing = 1 / (0.3 * sampleRate)
    }

    /// A typical breath's depth: from whole breaths once there are some, before that from the
    /// breath band's level (a sine's peak-to-trough is 2√2 times its RMS).
    public var breathDepth: Double { typicalDepth > 0 ? typicalDepth : 2 * (2 * depthPower).squareRoot() }

    /// One breathing sample at `time` ms; `breathBegan` when a breath detector saw an onset here.
    /// At most one event per step (a sigh first, then laughter, then sobbing).
    public mutating func step(_ value: Double, at time: Int, breathBegan: Bool) -> Event? {
        if first == nil { first = time }
        let warm = time - (first ?? time) >= configuration.warmUp
        let laugh = laughBand.step(value)
        let sob = sobBand.step(value)
        if (sob > 0) != swingPositive {
            swings = SIMD4(swing, swings[0], swings[1], swings[2])
            swing = 0
            swingPositive = sob > 0
        }
        swing = max(swing, abs(sob))
        let depth = depthBand.step(value)
        let noise = noiseBand.step(value)
        noisePower += (noise * noise - noisePower) * smoothing
        laughPower += (laugh * laugh - laughPower) * smoothing
        sobPower += (sob * sob - sobPower) * sobSmoothing
        depthPower += (depth * depth - depthPower) * smoothing / 8
        cycleHigh = max(cycleHigh, depth)
        cycleLow = min(cycleLow, depth)
        if typicalDepth > 0, abs(depth) > configuration.artefactDepth * typicalDepth {
            disturbedUntil = time + configuration.artefactSettle
            depthDisturbedUntil = time + configuration.depthSettle
        }
        if time < depthDisturbedUntil { cycleDisturbed = true }
        var event: Event?
        if breathBegan, let ratio = endBreath(warm: warm, quiet: time - lastBurst > 5_000) {
            event = .sigh(depthRatio: ratio)
        }
        guard warm, breathDepth > 0 else { return event }
        if isDisturbed(at: time) {
            // Nothing is read from movement, and a bout not yet begun starts its hold afresh.
            laughCandidate = false
            sobCandidate = false
            if !isSobbing { sobSeen = Int.min / 2 }
            return event
        }
        let laughLevel = laughPower.squareRoot()
        let sobLevel = sobPower.squareRoot()
        let noiseLevel = noisePower.squareRoot() * configuration.overNoise
        let laughing =
            laughLevel > configuration.laughterShare * breathDepth && laughLevel > 1.3 * sobLevel
            && laughLevel > noiseLevel
        let sobbing = sobLevel > configuration.sobShare * breathDepth && sobLevel > laughLevel && sobLevel > noiseLevel
        if laughing || sobbing { lastBurst = time }
        // Laughter: held 0.3 s to begin a bout, 2 s without to end it.
        if laughing {
            if !laughCandidate {
                laughCandidate = true
                laughSince = time
            }
            laughSeen = time
            if !isLaughing, time - laughSince >= 300 {
                isLaughing = true
                if event == nil { event = .laughterBegan(start: laughSince) }
            }
        } else {
            laughCandidate = false
            if isLaughing, time - laughSeen >= 2_000 {
                isLaughing = false
                if event == nil { event = .laughterEnded }
            }
        }
        // Sobbing: catching breaths come in bursts within each breath, so gaps up to 4 s
        // belong to the same bout; held `sobHold` to begin one.
        if sobbing {
            if !sobCandidate, time - sobSeen > 4_000 { sobSince = time }
            sobCandidate = true
            sobSeen = time
            if !isSobbing, time - sobSince >= configuration.sobHold, catchesComeAsATrain {
                isSobbing = true
                if event == nil { event = .sobbingBegan(start: sobSince) }
            }
        } else {
            sobCandidate = false
            if isSobbing, time - sobSeen >= 4_000 {
                isSobbing = false
                if event == nil { event = .sobbingEnded }
            }
        }
        return event
    }

    /// Whether the sob band's last four swings are alike in size and each a catch in its own
    /// right, at least `sobShare` of a breath (see the type's notes).
    public var catchesComeAsATrain: Bool {
        let largest = swings.max()
        let smallest = swings.min()
        return largest > 0 && smallest >= configuration.catchEvenness * largest
            && smallest >= configuration.sobShare * breathDepth
    }

    /// Closes a breath cycle; returns the depth ratio when it was a sigh.
    private mutating func endBreath(warm: Bool, quiet: Bool) -> Double? {
        let depth = cycleHigh - cycleLow
        cycleHigh = -Double.infinity
        cycleLow = Double.infinity
        breaths += 1
        guard depth.isFinite, depth > 0 else { return nil }
        // A breath with movement in it says nothing of how deep the client breathes, unless the
        // "movement" goes on breath after breath: then it is the breathing, learnt as usual.
        if cycleDisturbed {
            cycleDisturbed = false
            disturbedBreaths += 1
            if disturbedBreaths < 4 { return nil }
            typicalDepth += (depth - typicalDepth) * 0.15
            return nil
        }
        disturbedBreaths = 0
        if typicalDepth == 0 {
            typicalDepth = depth
            return nil
        }
        if warm, quiet, breaths > 4, depth >= configuration.sighDepth * typicalDepth {
            return depth / typicalDepth  // a sigh does not change what a typical breath is
        }
        typicalDepth += (depth - typicalDepth) * 0.15
        return nil
    }
}
