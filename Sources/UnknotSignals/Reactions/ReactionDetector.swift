import UnknotCore

/// Reads reactions from the body during a session (CARE.md section 7): heart beats, skin
/// conductance and breathing, fused with sound labels from an external classifier and with
/// muscle guarding seen in the force signals, into ``ReactionEvent``s with a confidence and the
/// evidence behind them.
///
/// - A **baseline** is taken over the first minutes of the session (heart rate, RMSSD,
///   breathing rate, the size of spontaneous skin responses); relaxation and sleep are read
///   against it, pain's skin response must stand well above it.
/// - **Laughter**: rapid breath bursts, 4-6.5 Hz, the "ha-ha" syllable rate, riding on the breath.
/// - **Crying**: catching, sob-like inhalations, 2-3.3 Hz, in bouts; then the heart rate rises.
/// - **Pain**: a skin conductance burst well above the session's spontaneous responses, with
///   no laughter or tears around it, made surer by a groan or gasp and by guarding.
/// - **Sigh**: a breath at least 1.8 times as deep as the recent ones.
/// - **Relaxation**: heart rate down and RMSSD up or breathing slower, against the baseline;
///   **sleep**: deeper still, held for minutes.
/// - **Digestive noise** only ever from a stomach-rumble or flatulence label, and those labels
///   never count as evidence of distress (they lower a lone skin response's weight instead).
///
/// Guarantees: each input takes constant time and allocates nothing unless a reaction is
/// reported; reactions come out in time order through ``nextReaction()``.
public struct ReactionDetector: Sendable {
    /// Tunable thresholds; the defaults were set on seeds 1-10 of the simulated personas.
    public struct Configuration: Sendable, Hashable {
        /// How long the baseline is (ms).
        public var baseline = 120_000
        /// A pain skin response rises at least this much (µS) ...
        public var painRise = 0.3
        /// ... and at least this many times the baseline's spontaneous responses.
        public var painOverBaseline = 3.0
        /// Laughter, sob-like breathing and sighs in the breath.
        public var breath = BreathEventReader.Configuration()
        public init() {}
    }

    public let configuration: Configuration
    public private(set) var stream: BodySignalStream
    /// Reactions waiting to be taken.
    private var pending: [(at: Int, event: ReactionEvent)] = []
    private var head = 0

    public private(set) var breath: BreathEventReader
    private var start: Int?
    /// When relaxation and sleep are next looked at (every 5 s, whatever the sample rate).
    private var nextCalmCheck = 0

    // Baseline.
    private var baselineHeartRate = 0.0
    private var baselineRMSSD = 0.0
    private var baselineBreathing = 0.0
    private var spontaneousRiseSum = 0.0
    private var spontaneousCount = 0
    private var baselineDone = false
    /// A slow (one-minute) average of the heart rate, for "rate up" before the baseline exists.
    private var heartRateBefore = 0.0
    /// The heart rate over the last few beats.
    private var heartRateNow = 0.0
    /// The highest heart rate during the current bout of sob-like breathing.
    private var cryingPeakHeartRate = 0.0

    // Episodes and recent evidence (times in ms; very negative when never).
    private var lastLaughterReport = Int.min / 2
    private var lastCryingReport = Int.min / 2
    private var lastCryingBodyReport = Int.min / 2
    private var lastBurstActivity = Int.min / 2
    private var painCandidate: (at: Int, rise: Double)?
    private var lastPainReport = Int.min / 2
    private var lastGuarding = Int.min / 2
    private var lastSound: [SoundEvent.Kind: (at: Int, confidence: Double)] = [:]
    private var relaxedSince = Int.min / 2
    private var lastRelaxationReport = Int.min / 2
    private var sleepySince = Int.min / 2
    private var lastSleepReport = Int.min / 2
    private var lastSighReport = Int.min / 2

    /// - Parameter sampleRate: the rate of the skin and breath samples (Hz), at least 15.
    public init(sampleRate: Double, configuration: Configuration = Configuration()) throws(SignalError) {
        guard sampleRate >= 15, sampleRate.isFinite else { throw .badSampleRate(sampleRate) }
        self.configuration = configuration
        stream = try BodySignalStream(sampleRate: sampleRate)
        breath = try BreathEventReader(sampleRate: sampleRate, configuration: configuration.breath)
        pending.reserveCapacity(64)
        lastSound.reserveCapacity(SoundEvent.Kind.allCases.count)
    }

    /// The next reaction found, with its time (ms), if any.
    public mutating func nextReaction() -> (at: Int, event: ReactionEvent)? {
        guard head < pending.count else {
            if head > 0 {
                pending.removeAll(keepingCapacity: true)
                head = 0
            }
            return nil
        }
        head += 1
        return pending[head - 1]
    }

    /// One heart beat: the RR interval (ms) ending at `time`.
    public mutating func beat(rrMilliseconds rr: Double, at time: Int) {
        stream.beat(rrMilliseconds: rr, at: time)
        let rate = 60_000 / max(rr, 1)
        heartRateBefore = heartRateBefore == 0 ? rate : heartRateBefore + (rate - heartRateBefore) / 75
        heartRateNow = heartRateNow == 0 ? rate : heartRateNow + (rate - heartRateNow) / 3
    }

    /// A sound label from the classifier at `time`.
    public mutating func sound(_ sound: SoundEvent, at time: Int) {
        lastSound[sound.kind] = (time, sound.confidence)
        switch sound.kind {
        case .stomachRumble, .flatulence:
            if sound.confidence >= 0.6 {
                report(.digestiveNoise, at: time, confidence: sound.confidence, ["sound: \(sound.kind.rawValue)"])
            }
        case .laughter where sound.confidence >= 0.7 && time - lastLaughterReport > 3_000:
            // The body may not show a quiet laugh; a sure label is enough.
            lastLaughterReport = time
            report(.laughter, at: time, confidence: 0.85 * sound.confidence, ["sound: laughter"])
        case .crying, .sobbing:
            if sound.confidence >= 0.7, time - lastCryingReport > 15_000 {
                lastCryingReport = time
                report(.crying, at: time, confidence: 0.85 * sound.confidence, ["sound: \(sound.kind.rawValue)"])
            }
        case .groan, .gasp:
            if sound.confidence >= 0.7, time - lastGuarding < 3_000, time - lastPainReport > 3_000 {
                lastPainReport = time
                report(.pain, at: time, confidence: 0.85, ["sound: \(sound.kind.rawValue)", "guarding"])
            }
        default:
            break
        }
    }

    /// Muscle guarding seen in the force signals at `time`.
    public mutating func guarding(at time: Int) {
        lastGuarding = time
        if let groan = heard(.groan, .gasp, within: 3_000, of: time), time - lastPainReport > 3_000 {
            lastPainReport = time
            report(.pain, at: time, confidence: 0.85, ["guarding", "sound: \(groan.rawValue)"])
        }
    }

    /// One skin conductance (µS) and breathing sample at `time` ms.
    public mutating func sample(skinConductance: Double, respiration: Double, at time: Int) {
        if start == nil { start = time }
        let elapsed = time - (start ?? time)
        let responded = stream.skin(skinConductance, at: time)
        let breathBegan = stream.breath(respiration, at: time)
        let event = breath.step(respiration, at: time, breathBegan: breathBegan)
        lastBurstActivity = breath.lastBurst
        guard elapsed >= configuration.breath.warmUp, breath.breathDepth > 0 else { return }
        switch event {
        case .sigh(let ratio): sigh(ratio, at: time)
        case .laughterBegan: laughter(at: time)
        case .sobbingBegan:
            cryingPeakHeartRate = heartRateNow
            crying(at: time)
        default: break
        }
        if breath.isSobbing { cryingPeakHeartRate = max(cryingPeakHeartRate, heartRateNow) }
        // Tears that go on are reported again every 15 s.
        if breath.isSobbing, time - lastCryingBodyReport > 15_000 { crying(at: time) }
        // A response too small for pain, during the baseline, is one of the spontaneous ones.
        if responded, !skinResponse(stream.lastResponseAmplitude, at: time), !baselineDone {
            spontaneous(stream.lastResponseAmplitude)
        }
        if !baselineDone, elapsed >= configuration.baseline { takeBaseline() }
        if let candidate = painCandidate, time - candidate.at >= 1_500 { decidePain(candidate, at: time) }
        if baselineDone, time >= nextCalmCheck {
            nextCalmCheck = time + 5_000
            calm(at: time)
        }
    }

    // MARK: - Breathing

    private mutating func sigh(_ ratio: Double, at time: Int) {
        guard time - lastSighReport > 10_000 else { return }
        lastSighReport = time
        var evidence = ["breath: \(String(format: "%.1f", ratio))× as deep"]
        var confidence = 0.7
        if heard(.sigh, within: 4_000, of: time) != nil {
            evidence.append("sound: sigh")
            confidence = 0.9
        }
        report(.sigh, at: time, confidence: confidence, evidence)
    }

    private mutating func laughter(at time: Int) {
        guard time - lastLaughterReport > 3_000 else { return }
        lastLaughterReport = time
        var evidence = ["breath: bursts at 4-6 Hz"]
        var confidence = 0.8
        if heard(.laughter, within: 3_000, of: time) != nil {
            evidence.append("sound: laughter")
            confidence = 0.92
        }
        report(.laughter, at: time, confidence: confidence, evidence)
    }

    /// A report from the body follows one from a label alone: it carries both.
    private mutating func crying(at time: Int) {
        lastCryingReport = time
        lastCryingBodyReport = time
        // Breath alone is weak evidence: on real resting recordings, coughs, speech and the
        // heartbeat's harmonics can oscillate in the same band. It takes the heart or a sound.
        var evidence = ["breath: catching inhalations at 2-3 Hz"]
        var confidence = 0.55
        let reference = baselineDone ? baselineHeartRate : heartRateBefore
        // Crying raises the heart rate, then it falls back quickly while the tears go on.
        if heartRateNow > reference + 4 {
            evidence.append("heart: rate up")
            confidence += 0.15
        } else if cryingPeakHeartRate > reference + 4, heartRateNow < cryingPeakHeartRate - 3 {
            evidence.append("heart: rate up, then falling")
            confidence += 0.15
        }
        if let heard = heard(.crying, .sobbing, within: 5_000, of: time) {
            evidence.append("sound: \(heard.rawValue)")
            confidence = 0.93
        }
        report(.crying, at: time, confidence: confidence, evidence)
    }

    // MARK: - Skin

    private mutating func spontaneous(_ rise: Double) {
        spontaneousRiseSum += rise
        spontaneousCount += 1
    }

    private var spontaneousRise: Double { spontaneousCount > 0 ? spontaneousRiseSum / Double(spontaneousCount) : 0.1 }

    /// Whether the response is large enough to be pain (then decided 1.5 s later, once it is
    /// clear whether tears or laughter came with it).
    private mutating func skinResponse(_ rise: Double, at time: Int) -> Bool {
        let needed = max(configuration.painRise, configuration.painOverBaseline * spontaneousRise)
        guard rise >= needed else { return false }
        if time - lastPainReport > 3_000 { painCandidate = (time, rise) }
        return true
    }

    private mutating func decidePain(_ candidate: (at: Int, rise: Double), at time: Int) {
        painCandidate = nil
        // Tears and laughter bring their own skin responses.
        if time - lastBurstActivity < 10_000 || time - lastCryingReport < 10_000 { return }
        var evidence = ["skin: response \(String(format: "%.2f", candidate.rise)) µS (arousal)"]
        // A skin response alone is arousal, which pain is one cause of (a startle, a stimulus,
        // a thought are others): recorded, not acted on. The heart, a groan or guarding make it pain.
        var confidence = 0.5
        if let sound = heard(.groan, .gasp, within: 6_000, of: candidate.at) {
            evidence.append("sound: \(sound.rawValue)")
            confidence += 0.25
        }
        if time - lastGuarding < 6_000 {
            evidence.append("guarding")
            confidence += 0.15
        }
        if heartRateNow > (baselineDone ? baselineHeartRate : heartRateBefore) + 3 {
            evidence.append("heart: rate up")
            confidence += 0.15
        }
        if let digestive = heard(.stomachRumble, .flatulence, within: 3_000, of: candidate.at) {
            // A gut sound right there: the response is more likely the gut than distress.
            evidence.append("sound: \(digestive.rawValue) (not distress)")
            confidence -= 0.3
        }
        lastPainReport = time
        report(.pain, at: candidate.at, confidence: confidence, evidence)
    }

    // MARK: - Calm

    private mutating func takeBaseline() {
        baselineDone = true
        baselineHeartRate = stream.heart.heartRate
        baselineRMSSD = stream.heart.rmssd
        baselineBreathing = stream.breathing.perMinute
    }

    private mutating func calm(at time: Int) {
        let heartRate = stream.heart.heartRate
        let breathing = stream.breathing.perMinute
        guard heartRate > 0, time - lastBurstActivity > 30_000, time - lastPainReport > 60_000 else {
            relaxedSince = Int.min / 2
            sleepySince = Int.min / 2
            return
        }
        let slower = heartRate <= baselineHeartRate - 3
        let steadier = stream.heart.rmssd >= 1.15 * baselineRMSSD || breathing <= baselineBreathing - 1
        if slower, steadier {
            if relaxedSince < 0 { relaxedSince = time }
            if time - relaxedSince >= 30_000, time - lastRelaxationReport >= 120_000 {
                lastRelaxationReport = time
                let drop = baselineHeartRate - heartRate
                report(
                    .relaxation, at: time, confidence: min(0.9, 0.55 + drop / 30),
                    [
                        "heart: rate \(Int(drop.rounded())) bpm below baseline",
                        "breath: \(Int(breathing.rounded()))/min",
                    ])
            }
        } else {
            relaxedSince = Int.min / 2
        }
        if heartRate <= baselineHeartRate - 8, breathing <= baselineBreathing - 4 {
            if sleepySince < 0 { sleepySince = time }
            if time - sleepySince >= 180_000, time - lastSleepReport >= 300_000 {
                lastSleepReport = time
                report(.sleep, at: time, confidence: 0.7, ["heart: rate low", "breath: slow and regular for 3 min"])
            }
        } else {
            sleepySince = Int.min / 2
        }
    }

    // MARK: - Evidence

    private func heard(_ kinds: SoundEvent.Kind..., within window: Int, of time: Int) -> SoundEvent.Kind? {
        for kind in kinds {
            if let last = lastSound[kind], abs(time - last.at) <= window, last.confidence >= 0.5 { return kind }
        }
        return nil
    }

    private mutating func report(_ kind: ReactionKind, at time: Int, confidence: Double, _ evidence: [String]) {
        pending.append((time, ReactionEvent(kind, confidence: confidence, evidence: evidence)))
    }
}
