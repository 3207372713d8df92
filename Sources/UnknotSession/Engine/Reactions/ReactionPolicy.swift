import UnknotCore

/// The reaction policy's gate and memory: which reports a session acts on, which belong to a
/// reaction already answered, and whether the client sleeps.
///
/// Inputs: reports from detectors, the client's controls and answers, pains answered, the clock.
/// Outputs: a ``Verdict`` per report, and what the engine needs to answer it (is this the same
/// pain, is the client asleep, was there pain lately). It changes nothing else itself: the engine
/// applies the care policy's row for a report the gate lets through.
///
/// Guarantees: the client's controls win over a detector (a sleep report moments after a
/// control, or a pain report on a part the client just called fine, is not acted on); reports
/// below their confidence threshold are recorded, never acted on; one episode of tears is one
/// response.
struct ReactionPolicy: Sendable {
    /// Whether the reaction is acted on, and why not.
    enum Verdict: Sendable, Equatable {
        case act
        case ignore(String)
    }

    private let minimumConfidence: [ReactionKind: Double]
    private let awakeAfterControl: Int
    /// The client sleeps (a detector said so; any control, pain, tears or laughter wakes).
    private(set) var asleep = false
    /// When a detector last said sleep is likely but was not sure enough to act on, ms.
    private var sleepLikelyAt: Int?
    private var lastControlAt: Int?
    /// When a pain was last answered, ms.
    private(set) var lastPainAt: Int?
    private var lastPainSlot: Int?
    /// The level the last pain response left on its part.
    private var lastPainLeftLevel = 0
    private var lastCryingAt: Int?
    private var lastRelaxationAt: Int?
    /// When the client last said "it's fine" after a detector's pain, per part slot.
    private var fineAnswers: [Int: Int] = [:]
    /// What a detector's pain changed, so the client's "it's fine" can undo it: part slot,
    /// client level and pain cap before.
    private(set) var detectedPainUndo: (slot: Int, level: Int, painCap: Int)?

    /// Pain reports this close together are one pain, ms.
    static let samePainMilliseconds = 3_000
    /// A detector's pain on a part the client called fine this recently is not acted on, ms.
    static let fineAnswerMilliseconds = 60_000
    /// Reports of tears less than this apart belong to one episode, ms.
    static let tearsEpisodeMilliseconds = 60_000
    /// Relaxation is recorded as a response at most this often, ms.
    static let relaxationMilliseconds = 120_000
    /// Without a threshold in the configuration, reports need this confidence.
    static let defaultConfidence = 0.6
    /// A sleep report this sure, though under the threshold, says sleep is likely: planned
    /// questions wait for a clear sign of waking.
    static let sleepLikelyConfidence = 0.4
    /// Sleep stays likely this long after the last such report (detectors repeat them while
    /// the signs last), ms.
    static let sleepLikelyMilliseconds = 150_000

    init(configuration: SessionConfiguration) {
        minimumConfidence = configuration.minimumConfidence
        awakeAfterControl = configuration.awakeAfterControlMilliseconds
    }

    /// Whether to act on `reaction` in `state`, `slot` being the part it is about. Acting on a
    /// sleep report puts the client to sleep; any report of tears starts or extends an episode.
    mutating func admit(_ reaction: ReactionEvent, state: SessionState, slot: Int?, at now: Int) -> Verdict {
        let threshold = minimumConfidence[reaction.kind] ?? Self.defaultConfidence
        if reaction.kind == .sleep, reaction.confidence < threshold, reaction.confidence >= Self.sleepLikelyConfidence,
            lastControlAt.elapsed(until: now) >= awakeAfterControl
        {
            sleepLikelyAt = now
            return .ignore("sleep likely but under the \(threshold) threshold: planned questions wait")
        }
        guard reaction.confidence >= threshold else { return .ignore("below the \(threshold) confidence threshold") }
        guard state.movesPlan || state == .settlingIn || state == .pausedByClient || state == .onBreak else {
            return .ignore("session \(state.displayName)")
        }
        switch reaction.kind {
        case .pain:
            if let slot, fineAnswers[slot].elapsed(until: now) < Self.fineAnswerMilliseconds {
                return .ignore("you said it was fine here a moment ago")
            }
        case .crying:
            let previous = lastCryingAt
            lastCryingAt = now
            if previous.elapsed(until: now) <= Self.tearsEpisodeMilliseconds {
                return .ignore("the same episode of tears")
            }
        case .sleep:
            if lastControlAt.elapsed(until: now) < awakeAfterControl {
                return .ignore("you pressed a control moments ago")
            }
            if asleep { return .ignore("already asleep") }
            asleep = true
        case .laughter, .relaxation, .sigh, .digestiveNoise:
            break
        }
        return .act
    }

    /// Relaxation was acted on: whether to record the care policy's response (not more often
    /// than ``relaxationMilliseconds``).
    mutating func relaxationResponseDue(at now: Int) -> Bool {
        guard lastRelaxationAt.elapsed(until: now) >= Self.relaxationMilliseconds else { return false }
        lastRelaxationAt = now
        return true
    }

    /// The client pressed a control: awake, and detectors' sleep reports wait.
    mutating func controlPressed(at now: Int) {
        lastControlAt = now
        wake()
    }

    /// Pain, tears or laughter: the client is awake.
    mutating func wake() {
        asleep = false
        sleepLikelyAt = nil
    }

    /// Whether sleep is likely now (reported, not yet sure, no sign of waking since).
    func sleepLikely(at now: Int) -> Bool {
        sleepLikelyAt.elapsed(until: now) < Self.sleepLikelyMilliseconds
    }

    // MARK: - Pain

    /// Milliseconds since the pain already answered, if a pain now on `slot` (at level `cap`) is
    /// that same pain: moments later, where it hurt before, and at no lower level than that
    /// response left.
    func samePain(on slot: Int?, cap: Int?, at now: Int) -> Int? {
        let elapsed = lastPainAt.elapsed(until: now)
        guard elapsed < Self.samePainMilliseconds, let slot, slot == lastPainSlot, let cap, cap >= lastPainLeftLevel
        else { return nil }
        return elapsed
    }

    /// Whether a pain was answered in the last `milliseconds`.
    func painWithin(_ milliseconds: Int, at now: Int) -> Bool { lastPainAt.elapsed(until: now) < milliseconds }

    /// A new pain on `slot` is being answered.
    mutating func painAnswered(on slot: Int?, at now: Int) {
        lastPainAt = now
        lastPainSlot = slot
    }

    /// The level the pain response left on its part.
    mutating func painLeft(level: Int) { lastPainLeftLevel = level }

    /// What a detector's pain is about to change (`nil` for the client's own report).
    mutating func remember(undo: (slot: Int, level: Int, painCap: Int)?) { detectedPainUndo = undo }

    /// The client said a detector's pain on `slot` was fine.
    mutating func saidFine(on slot: Int, at now: Int) {
        fineAnswers[slot] = now
        detectedPainUndo = nil
    }

    /// Whether the client ever said a detector's pain on `slot` was fine.
    func calledFine(_ slot: Int) -> Bool { fineAnswers[slot] != nil }
}
