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
    /// The confidence of the last report of the current bout of tears (0 between bouts).
    private var lastCryingConfidence = 0.0
    private var lastBurstActivity = Int.min / 2
    /// The last skin response large enough to be arousal (rising or peaked), and its size.
    private var lastArousal = Int.min / 2
    private var lastArousalRise = 0.0
    private var painCandidate: (at: Int, rise: Double)?
    private var lastPainReport = Int.min / 2
    private var lastGuarding = Int.min / 2
    private var lastSound: [SoundEvent.Kind: (at: Int, confidence: Double)] = [:]
    private var relaxedSince = Int.min / 2
    private var lastRelaxationReport = Int.min / 2
    private var sleepySince = Int.min / 2
    private var lastSleepReport = Int.min / 2
    private var lastSleepLikelyReport = Int.min / 2
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
            if sound.confidence >= configuration.digestiveLabel {
                report(.digestiveNoise, at: time, confidence: sound.confidence, [.sound(sound.kind)])
            }
        case .laughter
        where sound.confidence >= configuration.sureLabel
            && time - lastLaughterReport > configuration.laughterEpisode:
            // The body may not show a quiet laugh; a sure label is enough.
            lastLaughterReport = time
            report(
                .laughter, at: time, confidence: configuration.labelAloneWeight * sound.confidence, [.sound(.laughter)])
        case .crying, .sobbing:
            if sound.confidence >= configuration.sureLabel, time - lastCryingReport > configuration.cryingRepeat {
                lastCryingReport = time
                report(
                    .crying, at: time, confidence: configuration.labelAloneWeight * sound.confidence,
                    [.sound(sound.kind)])
            }
        case .groan, .gasp:
            if sound.confidence >= configuration.sureLabel, time - lastGuarding < configuration.soundWithGuarding,
                time - lastPainReport > configuration.painEpisode
            {
                lastPainReport = time
                report(.pain, at: time, confidence: configuration.soundAndGuarding, [.sound(sound.kind), .guarding])
            }
        default:
            break
        }
    }

    /// Muscle guarding seen in the force signals at `time`.
    public mutating func guarding(at time: Int) {
        lastGuarding = time
        if let groan = heard(.groan, .gasp, within: configuration.soundWithGuarding, of: time),
            time - lastPainReport > configuration.painEpisode
        {
            lastPainReport = time
            report(.pain, at: time, confidence: configuration.soundAndGuarding, [.guarding, .sound(groan)])
        }
    }

    /// One skin conductance (µS) and breathing sample at `time` ms.
    public mutating func sample(skinConductance: Double, respiration: Double, at time: Int) {
        if start == nil { start = time }
        let elapsed = time - (start ?? time)
        let responded = stream.skin(skinConductance, at: time)
        let rise = responded ? stream.lastResponseAmplitude : stream.risingAmplitude
        if rise >= max(configuration.cryingArousalRise, configuration.cryingArousalOverBaseline * spontaneousRise) {
            lastArousalRise = time - lastArousal < 1_000 ? max(rise, lastArousalRise) : rise
            lastArousal = time
        }
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
        if breath.isSobbing {
            cryingPeakHeartRate = max(cryingPeakHeartRate, heartRateNow)
            // Tears that go on are reported again every 15 s, and at once when the evidence grows
            // (the heart rises a few seconds into a bout: waiting 15 s for it made tears late).
            if time - lastCryingBodyReport > configuration.cryingRepeat
                || cryingSigns(at: time).confidence > lastCryingConfidence
            {
                crying(at: time)
            }
        } else {
            lastCryingConfidence = 0
        }
        // A response too small for pain, during the baseline, is one of the spontaneous ones.
        if responded, !skinResponse(stream.lastResponseAmplitude, at: time), !baselineDone {
            spontaneous(stream.lastResponseAmplitude)
        }
        if !baselineDone, elapsed >= configuration.baseline { takeBaseline() }
        if let candidate = painCandidate, time - candidate.at >= configuration.painDecision {
            decidePain(candidate, at: time)
        }
        if baselineDone, time >= nextCalmCheck {
            nextCalmCheck = time + configuration.calmCheck
            calm(at: time)
        }
    }

    // MARK: - Breathing

    private mutating func sigh(_ ratio: Double, at time: Int) {
        guard time - lastSighReport > configuration.sighRepeat else { return }
        lastSighReport = time
        var evidence: [ReactionEvidence] = [.deeperBreath(ratio: ratio)]
        var confidence = 0.7
        if heard(.sigh, within: configuration.sighSound, of: time) != nil {
            evidence.append(.sound(.sigh))
            confidence = 0.9
        }
        report(.sigh, at: time, confidence: confidence, evidence)
    }

    private mutating func laughter(at time: Int) {
        guard time - lastLaughterReport > configuration.laughterEpisode else { return }
        lastLaughterReport = time
        var evidence: [ReactionEvidence] = [.breathBursts]
        var confidence = 0.8
        if heard(.laughter, within: configuration.laughterSound, of: time) != nil {
            evidence.append(.sound(.laughter))
            confidence = 0.92
        }
        report(.laughter, at: time, confidence: confidence, evidence)
    }

    /// A report from the body follows one from a label alone: it carries both.
    private mutating func crying(at time: Int) {
        lastCryingReport = time
        lastCryingBodyReport = time
        let signs = cryingSigns(at: time)
        lastCryingConfidence = signs.confidence
        // Breath alone is weak evidence: on real resting recordings, coughs, speech and the
        // heartbeat's harmonics can oscillate in the same band. It takes the heart, the skin's
        // arousal or a sound.
        var evidence: [ReactionEvidence] = [.catchingInhalations]
        if let heart = signs.heart { evidence.append(heart) }
        if let skin = signs.skin { evidence.append(skin) }
        if let sound = signs.sound { evidence.append(.sound(sound)) }
        report(.crying, at: time, confidence: signs.confidence, evidence)
    }

    /// How sure the body (and any sound heard) makes tears now, and why; allocates nothing, so
    /// it can be asked at every sample of a bout.
    private func cryingSigns(at time: Int) -> (
        confidence: Double, heart: ReactionEvidence?, skin: ReactionEvidence?, sound: SoundEvent.Kind?
    ) {
        var confidence = 0.55
        // Tears come with arousal: a skin response at their start.
        var skin: ReactionEvidence?
        if time - lastArousal <= configuration.cryingArousalWindow {
            skin = .skinResponse(microsiemens: (lastArousalRise * 100).rounded() / 100)
            confidence += 0.1
        }
        var heart: ReactionEvidence?
        let reference = baselineDone ? baselineHeartRate : heartRateBefore
        // Crying raises the heart rate, then it falls back quickly while the tears go on.
        if heartRateNow > reference + configuration.cryingHeartRise {
            heart = .heartRateUp
            confidence += 0.15
        } else if cryingPeakHeartRate > reference + configuration.cryingHeartRise,
            heartRateNow < cryingPeakHeartRate - configuration.cryingHeartFall
        {
            heart = .heartRateUpThenFalling
            confidence += 0.15
        }
        let sound = heard(.crying, .sobbing, within: configuration.cryingSound, of: time)
        if sound != nil { confidence = 0.93 }
        return (confidence, heart, skin, sound)
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
        if time - lastPainReport > configuration.painEpisode { painCandidate = (time, rise) }
        return true
    }

    private mutating func decidePain(_ candidate: (at: Int, rise: Double), at time: Int) {
        painCandidate = nil
        // Tears and laughter bring their own skin responses.
        if time - lastBurstActivity < configuration.tearsOrLaughterMaskPain
            || time - lastCryingReport < configuration.tearsOrLaughterMaskPain
        {
            return
        }
        var evidence: [ReactionEvidence] = [.skinResponse(microsiemens: candidate.rise)]
        // A skin response alone is arousal, which pain is one cause of (a startle, a stimulus,
        // a thought are others): recorded, not acted on. The heart, a groan or guarding make it pain.
        var confidence = 0.5
        if let sound = heard(.groan, .gasp, within: configuration.painSignsWindow, of: candidate.at) {
            evidence.append(.sound(sound))
            confidence += 0.25
        }
        if time - lastGuarding < configuration.painSignsWindow {
            evidence.append(.guarding)
            confidence += 0.15
        }
        if heartRateNow > (baselineDone ? baselineHeartRate : heartRateBefore) + configuration.painHeartRise {
            evidence.append(.heartRateUp)
            confidence += 0.15
        }
        if let digestive = heard(.stomachRumble, .flatulence, within: configuration.digestiveWindow, of: candidate.at) {
            // A gut sound right there: the response is more likely the gut than distress.
            evidence.append(.soundNotDistress(digestive))
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
        guard heartRate > 0, time - lastBurstActivity > configuration.calmAfterBursts,
            time - lastPainReport > configuration.calmAfterPain
        else {
            relaxedSince = Int.min / 2
            sleepySince = Int.min / 2
            return
        }
        let slower = heartRate <= baselineHeartRate - configuration.relaxedHeartDrop
        let steadier =
            stream.heart.rmssd >= configuration.relaxedRMSSDRatio * baselineRMSSD
            || breathing <= baselineBreathing - configuration.relaxedBreathingDrop
        if slower, steadier {
            if relaxedSince < 0 { relaxedSince = time }
            if time - relaxedSince >= configuration.relaxedHold,
                time - lastRelaxationReport >= configuration.relaxationRepeat
            {
                lastRelaxationReport = time
                let drop = baselineHeartRate - heartRate
                report(
                    .relaxation, at: time, confidence: min(0.9, 0.55 + drop / 30),
                    [
                        .heartRateBelowBaseline(bpm: Int(drop.rounded())),
                        .breathingRate(perMinute: Int(breathing.rounded())),
                    ])
            }
        } else {
            relaxedSince = Int.min / 2
        }
        if heartRate <= baselineHeartRate - configuration.sleepHeartDrop,
            breathing <= baselineBreathing - configuration.sleepBreathingDrop
        {
            if sleepySince < 0 { sleepySince = time }
            if time - sleepySince >= configuration.sleepHold, time - lastSleepReport >= configuration.sleepRepeat {
                lastSleepReport = time
                report(.sleep, at: time, confidence: 0.7, [.heartRateLow, .slowRegularBreathing])
            } else if time - sleepySince >= configuration.sleepLikelyHold, time - sleepySince < configuration.sleepHold,
                time - lastSleepLikelyReport >= configuration.sleepLikelyRepeat
            {
                lastSleepLikelyReport = time
                report(
                    .sleep, at: time, confidence: configuration.sleepLikelyConfidence,
                    [.heartRateLow, .slowRegularBreathing])
            }
        } else {
            sleepySince = Int.min / 2
        }
    }

    // MARK: - Evidence

    /// Which of `first` or `second` was heard (sure enough) within `window` ms of `time`. Two
    /// fixed arguments, not a variadic list, so asking at every sample allocates nothing.
    private func heard(_ first: SoundEvent.Kind, _ second: SoundEvent.Kind? = nil, within window: Int, of time: Int)
        -> SoundEvent.Kind?
    {
        if isHeard(first, within: window, of: time) { return first }
        if let second, isHeard(second, within: window, of: time) { return second }
        return nil
    }

    private func isHeard(_ kind: SoundEvent.Kind, within window: Int, of time: Int) -> Bool {
        guard let last = lastSound[kind] else { return false }
        return abs(time - last.at) <= window && last.confidence >= configuration.heardLabel
    }

    private mutating func report(_ kind: ReactionKind, at time: Int, confidence: Double, _ evidence: [ReactionEvidence])
    {
        pending.append((time, ReactionEvent(kind, confidence: confidence, evidence: evidence)))
    }
}
