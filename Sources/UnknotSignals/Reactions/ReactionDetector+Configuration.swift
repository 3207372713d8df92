extension ReactionDetector {
    /// Every threshold the detector uses, with its unit and why. The defaults were set on seeds
    /// 1-10 of the simulated personas and checked on the real recordings in docs/signals.md.
    public struct Configuration: Sendable, Hashable {
        // MARK: Baseline and skin

        /// How long the baseline is, ms: two minutes holds enough beats and breaths for a
        /// resting heart rate, RMSSD and breathing rate, and enough spontaneous skin responses.
        public var baseline = 120_000
        /// A pain skin response rises at least this much, µS (smaller ones are everyday arousal) ...
        public var painRise = 0.3
        /// ... and at least this many times the baseline's spontaneous responses.
        public var painOverBaseline = 3.0
        /// A skin response waits this long before it is judged, ms, so that tears or laughter
        /// that come with it (they bring their own responses) are seen first.
        public var painDecision = 1_500
        /// Tears or laughter this recent explain a skin response, ms.
        public var tearsOrLaughterMaskPain = 10_000
        /// A groan, gasp or guarding this close to a skin response makes it pain, ms.
        public var painSignsWindow = 6_000
        /// A heart rate this much above the baseline makes a skin response pain, bpm.
        public var painHeartRise = 3.0
        /// A gut sound this close to a skin response explains it, ms.
        public var digestiveWindow = 3_000

        // MARK: Sound labels

        /// A label this sure acts alone (laughter, crying, a groan with guarding), 0-1.
        public var sureLabel = 0.7
        /// A digestive label this sure is reported, 0-1.
        public var digestiveLabel = 0.6
        /// A label this sure counts as heard next to other signs, 0-1.
        public var heardLabel = 0.5
        /// A label acting alone carries this share of its own confidence.
        public var labelAloneWeight = 0.85
        /// Confidence of pain from a groan or gasp together with guarding.
        public var soundAndGuarding = 0.85
        /// A groan or gasp and guarding this close together are one pain, ms.
        public var soundWithGuarding = 3_000
        /// A sigh, laughter or crying label this close to the breath's sign confirms it, ms.
        public var sighSound = 4_000
        public var laughterSound = 3_000
        public var cryingSound = 5_000

        // MARK: Episodes

        /// Reports of one kind this close together are one episode, ms.
        public var painEpisode = 3_000
        public var laughterEpisode = 3_000
        public var sighRepeat = 10_000
        /// Tears that go on are reported again this often, ms.
        public var cryingRepeat = 15_000
        /// Crying raises the heart rate by at least this much, bpm ...
        public var cryingHeartRise = 4.0
        /// ... then it falls back by at least this much while the tears go on, bpm.
        public var cryingHeartFall = 3.0
        /// A skin response at least this large (µS) within ``cryingArousalWindow`` before or
        /// during sob-like breathing is the arousal that comes with tears.
        public var cryingArousalRise = 0.15
        /// ... and at least this many times the session's spontaneous responses.
        public var cryingArousalOverBaseline = 1.5
        public var cryingArousalWindow = 6_000

        // MARK: Calm

        /// Relaxation and sleep are looked at this often, ms.
        public var calmCheck = 5_000
        /// No calm is read this soon after breath bursts (laughter, sobs) or a pain, ms.
        public var calmAfterBursts = 30_000
        public var calmAfterPain = 60_000
        /// Relaxation: the heart rate at least this far below the baseline, bpm ...
        public var relaxedHeartDrop = 3.0
        /// ... and RMSSD at least this many times the baseline's, or breathing this much slower
        /// (breaths a minute) ...
        public var relaxedRMSSDRatio = 1.15
        public var relaxedBreathingDrop = 1.0
        /// ... held this long, ms; reported at most this often, ms.
        public var relaxedHold = 30_000
        public var relaxationRepeat = 120_000
        /// Sleep: heart rate and breathing this far below the baseline (bpm, breaths a minute),
        /// held this long, ms (sleep onset takes minutes); reported at most this often, ms.
        public var sleepHeartDrop = 8.0
        public var sleepBreathingDrop = 4.0
        public var sleepHold = 180_000
        public var sleepRepeat = 300_000
        /// Sleep likely: the same signs held this long are reported with ``sleepLikelyConfidence``
        /// (under the session's threshold: nothing is acted on, but planned questions wait),
        /// again every ``sleepLikelyRepeat`` until sleep is sure, ms.
        public var sleepLikelyHold = 45_000
        public var sleepLikelyRepeat = 60_000
        public var sleepLikelyConfidence = 0.5

        /// Laughter, sob-like breathing and sighs in the breath.
        public var breath = BreathEventReader.Configuration()

        public init() {}
    }
}
