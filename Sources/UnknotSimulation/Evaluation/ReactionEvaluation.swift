import UnknotCore
import UnknotPlanning
import UnknotSession
import UnknotSignals

/// Scores the ``ReactionDetector`` against what the simulated clients really felt: whole
/// sessions of every persona on simulated stations that read reactions with the detector (their
/// beats, skin and breath samples, the simulated sound classifier's labels and the engine's
/// guarding from force and stiffness) and act on them, its reactions matched with the
/// ground truth.
///
/// This is synthetic data: the personas' bodies follow CARE.md section 7's account of how
/// reactions show, not recordings of people. It measures whether the detector reads that
/// account faithfully and what it makes of an imperfect sound classifier, not clinical accuracy.
///
/// Only reports the live session would act on count (confidence at or above
/// `SessionConfiguration`'s threshold for the kind); weaker ones are recorded, not acted on.
///
/// Guarantees: deterministic for the seeds; a detection counts as right when a true reaction of
/// its kind spans it (from 2 s before the start to ``tolerance(for:)`` after the end); a true
/// reaction counts as found when a detection of its kind falls in that window.
public struct ReactionEvaluation: Sendable {
    /// Precision and recall for one kind of reaction.
    public struct Score: Sendable, Hashable, Codable {
        public var kind: ReactionKind
        /// True reactions, and how many were found.
        public var truths = 0
        public var found = 0
        /// Detections, and how many matched a true reaction.
        public var detections = 0
        public var correct = 0
        /// The true reactions missed and the wrong reports: persona, seed, time (s).
        public var misses: [String] = []
        public var falseAlarms: [String] = []
        public var precision: Double? { detections > 0 ? Double(correct) / Double(detections) : nil }
        public var recall: Double? { truths > 0 ? Double(found) / Double(truths) : nil }
    }

    public var catalog: ProgramCatalog
    public var personas: [String]
    public var date: CalendarDate

    public init(catalog: ProgramCatalog, personas: [String] = Persona.names, date: CalendarDate) {
        self.catalog = catalog
        self.personas = personas
        self.date = date
    }

    /// The session each persona books: one that reaches what they react to (the shoulders for
    /// tears and the tender trapezius, the feet for the ticklish), the total back otherwise; the
    /// client lets the station listen (the detector is evaluated with the sound labels).
    public func booking(for persona: Persona) -> (program: Program, minutes: Int, carePlan: CarePlan)? {
        var care = persona.carePlan
        care.stationMayListen = true
        let id: String
        let minutes: Int
        if persona.ticklishRegions.contains(.feet) {
            (id, minutes) = ("express", 15)
            care.focusAreas = [BodyArea(.feet)]
        } else if persona.tears != nil || !persona.tenderSpots.isEmpty {
            (id, minutes) = ("neck-jaw-shoulders", 30)
        } else {
            (id, minutes) = ("total-back", 30)
        }
        guard let program = catalog.program(id: id) else { return nil }
        return (program, minutes, care)
    }

    /// How long after a true reaction ends (ms) a detection still counts for it.
    public static func tolerance(for kind: ReactionKind) -> Int {
        switch kind {
        case .pain: 8_000
        case .crying: 10_000
        case .laughter: 5_000
        case .sigh: 12_000  // the deep breath is the next one, read when it ends
        case .relaxation, .sleep: 60_000
        case .digestiveNoise: 5_000
        }
    }

    /// Scores per kind over every persona and seed.
    public func run(seeds: [UInt64]) throws -> [Score] {
        var scores = Dictionary(uniqueKeysWithValues: ReactionKind.allCases.map { ($0, Score(kind: $0)) })
        let acting = SessionConfiguration()
        for seed in seeds {
            for name in personas {
                guard let persona = Persona.named(name, seed: seed), let booking = booking(for: persona) else {
                    continue
                }
                let session = try Self.session(
                    program: booking.program, minutes: booking.minutes, persona: persona, carePlan: booking.carePlan,
                    date: date, seed: seed)
                for kind in ReactionKind.allCases {
                    let truths = session.truth.filter { $0.kind == kind }
                    // What the live session would act on: reports at or above its confidence threshold.
                    let threshold = acting.minimumConfidence[kind] ?? 0.5
                    let found = session.detections.filter { $0.event.kind == kind && $0.event.confidence >= threshold }
                    let tolerance = Self.tolerance(for: kind)
                    func spans(_ truth: GroundTruthReaction, _ t: Int) -> Bool {
                        t >= truth.start - 2_000 && t <= truth.end + tolerance
                    }
                    let missed = truths.filter { truth in !found.contains { spans(truth, $0.at) } }
                    let wrong = found.filter { d in !truths.contains { spans($0, d.at) } }
                    scores[kind]?.truths += truths.count
                    scores[kind]?.found += truths.count - missed.count
                    scores[kind]?.detections += found.count
                    scores[kind]?.correct += found.count - wrong.count
                    scores[kind]?.misses += missed.map { "\(name) seed \(seed) at \($0.start / 1_000) s" }
                    scores[kind]?.falseAlarms += wrong.map { "\(name) seed \(seed) at \($0.at / 1_000) s" }
                }
            }
        }
        return ReactionKind.allCases.compactMap { scores[$0] }
    }

    /// One simulated session: what the client felt and what the detector read.
    public struct Session: Sendable {
        public var truth: [GroundTruthReaction]
        public var detections: [(at: Int, event: ReactionEvent)]
    }

    /// Runs one persona's session on a station that reads its reactions with the detector (body
    /// signals, the simulated sound labels, the engine's guarding) and acts on them.
    public static func session(
        program: Program, minutes: Int, persona: Persona, carePlan: CarePlan, date: CalendarDate, seed: UInt64
    ) throws -> Session {
        var station = try SimulatedStation.planned(
            program: program, minutes: minutes, persona: persona, carePlan: carePlan, date: date, seed: seed,
            readsSignals: true)
        station.run()
        return Session(truth: station.client.truth, detections: station.detections)
    }
}
