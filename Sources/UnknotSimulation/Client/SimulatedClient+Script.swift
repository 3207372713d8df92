import UnknotCore
import UnknotSession

/// What a scenario makes the client do, on top of the persona: reactions of a chosen length
/// with the confidence the modelled detector reports them at, sound labels, sleep and waking,
/// and controls. Each scripted reaction is recorded as ground truth like the persona's own, and
/// its body signals follow (so a station reading the signals sees it too).
extension SimulatedClient {
    /// The client has `kind` from `now` for `milliseconds`; the modelled detector reports it
    /// `reportAfter` ms after it began with `confidence` (crying again every 15 s while it lasts).
    public mutating func script(
        _ kind: ReactionKind, at now: Int, milliseconds: Int, confidence: Double, reportAfter: Int
    ) {
        let end = now + max(1, milliseconds)
        let reportAt = now + max(0, reportAfter)
        let fixed = confidence...confidence
        switch kind {
        case .crying:
            tearsShed += 1
            cryingStart = now
            cryingUntil = end
            truth.append(GroundTruthReaction(kind: .crying, start: now, end: end))
            cryingTruth = truth.count - 1
            scriptedCryingConfidence = confidence
            nextCryingReport = reportAt + 15_000
            report(.crying, at: reportAt, confidence: fixed, .sound(.sobbing))
            voiceLog.append(Voice(kind: .crying, at: now, milliseconds: end - now))
            wake(at: now)
        case .laughter:
            laughUntil = end
            truth.append(GroundTruthReaction(kind: .laughter, start: now, end: end))
            report(.laughter, at: reportAt, confidence: fixed, .sound(.laughter))
            voiceLog.append(Voice(kind: .laughter, at: now, milliseconds: end - now))
            wake(at: now)
        case .pain:
            truth.append(GroundTruthReaction(kind: .pain, start: now, end: end))
            lastPainAt = now
            report(.pain, at: reportAt, confidence: fixed, .sound(.groan))
            voiceLog.append(Voice(kind: .groan, at: now, milliseconds: min(end - now, 1_500)))
            wake(at: now)
        case .sigh:
            sighUntil = end
            truth.append(GroundTruthReaction(kind: .sigh, start: now, end: end))
            report(.sigh, at: reportAt, confidence: fixed, .reported("breath: deep inhale, long exhale"))
            voiceLog.append(Voice(kind: .sigh, at: now, milliseconds: min(end - now, 3_000)))
        case .relaxation:
            truth.append(GroundTruthReaction(kind: .relaxation, start: now, end: end))
            report(.relaxation, at: reportAt, confidence: fixed, .reported("heart: rate down, RMSSD up"))
        case .sleep:
            fallAsleep(at: now, sureAfter: reportAfter, confidence: confidence)
        case .digestiveNoise:
            truth.append(GroundTruthReaction(kind: .digestiveNoise, start: now, end: end))
            report(.digestiveNoise, at: reportAt, confidence: fixed, .sound(.stomachRumble))
        }
    }

    /// The client falls asleep at `now`: a detector soon says sleep is likely (confidence about
    /// 0.5, 8-20 s in), then sure with `confidence` `sureAfter` ms in, and again every 5 minutes.
    public mutating func fallAsleep(at now: Int, sureAfter: Int, confidence: Double) {
        guard !bodyState.asleep else { return }
        bodyState.asleep = true
        truth.append(GroundTruthReaction(kind: .sleep, start: now, end: now))
        asleepTruth = truth.count - 1
        nextSleepReport = now + max(0, sureAfter) + 300_000
        report(
            .sleep, at: now + seconds(8...20), confidence: 0.45...0.55,
            .reported("breath: slowing, regular; no movement"))
        report(
            .sleep, at: now + max(0, sureAfter), confidence: confidence...confidence,
            .reported("breath: slow, regular; no movement"))
    }

    /// The client wakes at `now` (shown by a control or a reaction the scenario scripts next).
    public mutating func wakeUp(at now: Int) { wake(at: now) }

    /// The client makes the sound `sound` names at `time`: a station reading signals is given
    /// the label; one that hears recordings hears a real clip of that kind (``SimulatedHearing``).
    public mutating func hearScripted(_ sound: SoundEvent, at time: Int, milliseconds: Int = 2_000) {
        soundLog.append((time, sound))
        voiceLog.append(Voice(kind: sound.kind, at: time, milliseconds: milliseconds))
    }

    /// The client takes a break at `time` and resumes `milliseconds` after it begins.
    public mutating func takeBreakScripted(at time: Int, milliseconds: Int) {
        scriptedBreakLength = max(0, milliseconds)
        pressScripted(.takeBreak, at: time)
    }

    /// The client presses `control` at `time` (a scripted control, even when the persona's own
    /// controls come from a console).
    public mutating func pressScripted(_ control: ClientControl, at time: Int) {
        let index = controls.firstIndex { $0.at > time } ?? controls.count
        controls.insert((time, control), at: index)
    }
}
