import UnknotCore
import UnknotSession

/// A simulated client on the table: follows a ``Persona``, feels what the ``SimulatedBody``
/// feels, presses controls, answers questions, has reactions (recorded as ground truth),
/// produces the body signals those reactions imply, and stands in for the detectors by
/// reporting reactions late and with a confidence, plus the odd low-confidence false alarm.
///
/// Deterministic for a seed. A quiet step allocates nothing.
public struct SimulatedClient: Sendable {
    public let persona: Persona
    public let planDuration: Int
    public internal(set) var biosignals: SyntheticBiosignals
    /// What really happened, for evaluating detectors.
    public internal(set) var truth: [GroundTruthReaction] = []
    public internal(set) var bodyState = BodyState()

    var rng: SeededGenerator
    /// The simulated sound classifier's own randomness, so labels do not change the session.
    var hearing: SeededGenerator
    /// Every label the simulated classifier gave, for evaluating detectors.
    public internal(set) var soundLog: [(at: Int, sound: SoundEvent)] = []
    /// Every sound the client made (heard or not), for a station that hears real recordings
    /// in their place (``SimulatedHearing``).
    public internal(set) var voiceLog: [Voice] = []
    var controls: [(at: Int, control: ClientControl)] = []
    var reactions: [(at: Int, reaction: ReactionEvent)] = []
    var sessionState = SessionState.ready

    var painTruth = -1
    var painQuietSince = -1
    var tearContext = 0
    var tearsShed = 0
    var cryingStart = -1
    var cryingUntil = -1
    var cryingTruth = -1
    var nextCryingReport = 0
    /// The confidence a scenario gave the tears it scripted (the modelled detector's own otherwise).
    var scriptedCryingConfidence: Double?
    /// The length a scenario gave the break it scripted (the persona's own otherwise).
    var scriptedBreakLength: Int?
    var laughUntil = -1_000_000
    var asleepTruth = -1
    var nextSleepReport = 0
    var relaxedTruth = -1
    var nextRelaxationReport = 0
    var sighUntil = -1
    var rumbleQuietUntil = 0
    var breakTaken = false
    var pressesDone = 0
    var firstPressAt = -1
    var firstPressPart: BodyPartID?
    var lastPainAt = -1_000_000

    public init(persona: Persona, planDuration: Int, seed: UInt64) {
        self.persona = persona
        self.planDuration = planDuration
        rng = SeededGenerator(seed: seed ^ 0xC11E_0007)
        hearing = SeededGenerator(seed: seed ^ 0x50_0AD5)
        biosignals = SyntheticBiosignals(seed: seed, baseHeartRate: persona.baseHeartRate)
        controls.reserveCapacity(16)
        reactions.reserveCapacity(32)
        truth.reserveCapacity(64)
    }

    /// The simulated body this client has, on a body model.
    public static func body(for persona: Persona, on model: BodyModel) -> SimulatedBody {
        let tender = persona.tenderSpots.map { spot -> SimulatedBody.Tender in
            let part = spot.area.parts[0]
            let patch = model.patch(for: part)
            return SimulatedBody.Tender(
                part: part, face: patch.face, center: patch.point(at: spot.at), radius: spot.radius,
                thresholdNewtons: PressureScale.force(PressureLevel(clamping: spot.hurtsAboveLevel), on: part.region)
                    * 1.02)
        }
        let ticklish = persona.ticklishRegions.map {
            SimulatedBody.Ticklish(region: $0, belowNewtons: PressureScale.force(PressureLevel(clamping: 5), on: $0))
        }
        return SimulatedBody(
            model: model, tender: tender, ticklish: ticklish, painAboveLevel: persona.hurtsAboveLevel,
            relaxationRate: persona.relaxationRate)
    }

    /// The next control due by `now`, if any.
    public mutating func nextControl(at now: Int) -> ClientControl? {
        guard let first = controls.first, first.at <= now else { return nil }
        return controls.removeFirst().control
    }

    /// The next detector report due by `now`, if any.
    public mutating func nextReaction(at now: Int) -> ReactionEvent? {
        guard let first = reactions.first, first.at <= now else { return nil }
        return reactions.removeFirst().reaction
    }

    /// The client makes a sound of `kind` at `time` for `milliseconds`; the simulated sound
    /// classifier hears it with probability `chance` (a face in the cradle muffles tears and
    /// quiet laughs), `delay` seconds late.
    mutating func hear(
        _ kind: SoundEvent.Kind, at time: Int, for milliseconds: Int = 1_500, chance: Double,
        confidence: ClosedRange<Double>, delay: ClosedRange<Double> = 0.3...1
    ) {
        voiceLog.append(Voice(kind: kind, at: time, milliseconds: milliseconds))
        guard Double.random(in: 0..<1, using: &hearing) < chance else { return }
        let at = time + Int(Double.random(in: delay, using: &hearing) * 1_000)
        let sound = SoundEvent(kind, confidence: Double.random(in: confidence, using: &hearing))
        soundLog.append((at, sound))
    }

    mutating func press(_ control: ClientControl, at time: Int) {
        guard !persona.controlsFromConsole else { return }
        let index = controls.firstIndex { $0.at > time } ?? controls.count
        controls.insert((time, control), at: index)
    }

    mutating func report(
        _ kind: ReactionKind, at time: Int, confidence: ClosedRange<Double>, _ evidence: ReactionEvidence
    ) {
        let reaction = ReactionEvent(kind, confidence: Double.random(in: confidence, using: &rng), evidence: [evidence])
        let index = reactions.firstIndex { $0.at > time } ?? reactions.count
        reactions.insert((time, reaction), at: index)
    }

    mutating func seconds(_ range: ClosedRange<Double>) -> Int {
        Int(Double.random(in: range, using: &rng) * 1_000)
    }

    mutating func chance(perSecond rate: Double) -> Bool {
        Double.random(in: 0..<1, using: &rng) < rate / 1_000
    }

    /// Advances 1 ms: feels, reacts, decides what to press, and breathes.
    public mutating func step(at now: Int, planTime: Int, setpoint: Setpoint, level: Int, body: SimulatedBody)
        -> (beat: Double?, sample: BiosignalSample?)
    {
        let working = sessionState.movesPlan
        // Pain.
        if body.pain > 0.3, painTruth < 0 {
            truth.append(GroundTruthReaction(kind: .pain, start: now, end: now))
            painTruth = truth.count - 1
            painQuietSince = -1
            lastPainAt = now
            wake(at: now)
            let rating = min(10, 5 + Int(body.pain * 4))
            press(.thatHurts(rating: rating), at: now + seconds(0.5...1.2))
            if Double.random(in: 0..<1, using: &rng) < 0.5 {
                report(.pain, at: now + seconds(0.7...1.2), confidence: 0.65...0.85, .sound(.groan))
            }
            hear(
                Bool.random(using: &hearing) ? .groan : .gasp, at: now, for: 1_200, chance: 0.5,
                confidence: 0.65...0.9)
        } else if painTruth >= 0 {
            if body.pain > 0.05 {
                truth[painTruth].end = now
                painQuietSince = -1
                lastPainAt = now
            } else if painQuietSince < 0 {
                painQuietSince = now
            } else if now - painQuietSince > 2_000 {
                painTruth = -1
            }
        }
        // Tears.
        if let tears = persona.tears, tearsShed == 0, cryingUntil < 0, setpoint.contact, let part = setpoint.part,
            part.region == tears.region, setpoint.technique == tears.technique, level >= tears.minimumLevel
        {
            tearContext += 1
            if Double(tearContext) >= tears.afterSeconds * 1_000 {
                tearsShed += 1
                cryingStart = now
                cryingUntil = now + seconds(tears.seconds)
                truth.append(GroundTruthReaction(kind: .crying, start: now, end: cryingUntil))
                cryingTruth = truth.count - 1
                nextCryingReport = now + seconds(2...4)
                hear(
                    Bool.random(using: &hearing) ? .sobbing : .crying, at: now, for: cryingUntil - now, chance: 0.7,
                    confidence: 0.7...0.95, delay: 2...5)
                wake(at: now)
            }
        }
        if cryingUntil >= 0 {
            if now >= cryingUntil {
                cryingUntil = -1
                cryingStart = -1
                scriptedCryingConfidence = nil
            } else if now >= nextCryingReport {
                let confidence = scriptedCryingConfidence.map { $0...$0 } ?? 0.8...0.95
                report(.crying, at: now, confidence: confidence, .sound(.sobbing))
                nextCryingReport = now + 15_000
            }
        }
        // Laughter on ticklish skin.
        if body.tickle > 0.35, now - laughUntil > 3_000 {
            let length = seconds(1.5...3)
            laughUntil = now + length
            truth.append(GroundTruthReaction(kind: .laughter, start: now, end: now + length))
            report(.laughter, at: now + seconds(0.4...0.9), confidence: 0.8...0.95, .sound(.laughter))
            hear(.laughter, at: now, for: length, chance: 0.65, confidence: 0.7...0.95)
            wake(at: now)
        }
        // Sleep.
        if let minutes = persona.fallsAsleepAfterMinutes, asleepTruth < 0, working,
            Double(planTime) >= minutes * 60_000, body.relaxation > 0.2, body.pain == 0, cryingUntil < 0
        {
            bodyState.asleep = true
            truth.append(GroundTruthReaction(kind: .sleep, start: now, end: now))
            asleepTruth = truth.count - 1
            nextSleepReport = now + seconds(60...90)
            // Breathing slows within a few breaths: a detector soon says sleep is likely, not sure.
            report(
                .sleep, at: now + seconds(8...20), confidence: 0.45...0.55,
                .reported("breath: slowing, regular; no movement"))
        }
        if bodyState.asleep, asleepTruth >= 0 {
            truth[asleepTruth].end = now
            if now >= nextSleepReport {
                report(.sleep, at: now, confidence: 0.8...0.92, .reported("breath: slow, regular; no movement"))
                nextSleepReport = now + 300_000
            }
        }
        // Relaxation.
        if body.relaxation >= 0.35, body.pain < 0.05 {
            if relaxedTruth < 0 {
                truth.append(GroundTruthReaction(kind: .relaxation, start: now, end: now))
                relaxedTruth = truth.count - 1
                nextRelaxationReport = now + seconds(20...60)
            }
            truth[relaxedTruth].end = now
            if now >= nextRelaxationReport {
                report(
                    .relaxation, at: now, confidence: (0.5 + 0.3 * body.relaxation)...(0.55 + 0.4 * body.relaxation),
                    .reported("heart: rate down, RMSSD up"))
                nextRelaxationReport = now + 120_000
            }
        } else if relaxedTruth >= 0, body.pain >= 0.05 {
            relaxedTruth = -1
        }
        // Sighs.
        if body.relaxation > 0.1, !bodyState.asleep, now > sighUntil + 30_000, chance(perSecond: 1.0 / 240) {
            sighUntil = now + 4_000
            truth.append(GroundTruthReaction(kind: .sigh, start: now, end: sighUntil))
            report(
                .sigh, at: now + seconds(1...2), confidence: 0.65...0.85, .reported("breath: deep inhale, long exhale"))
            hear(.sigh, at: now, for: 2_000, chance: 0.5, confidence: 0.6...0.85, delay: 1...3)
        }
        // The stomach in deep work.
        if persona.rumbles, setpoint.contact, now >= rumbleQuietUntil, level >= 5,
            setpoint.technique == .kneading || setpoint.technique == .compression
                || setpoint.part?.region == .lowerBack || setpoint.part?.region == .abdomen,
            chance(perSecond: 1.0 / 60)
        {
            rumbleQuietUntil = now + 30_000
            truth.append(GroundTruthReaction(kind: .digestiveNoise, start: now, end: now + 2_000))
            report(.digestiveNoise, at: now + seconds(0.3...0.8), confidence: 0.75...0.9, .sound(.stomachRumble))
            hear(
                Double.random(in: 0..<1, using: &hearing) < 0.8 ? .stomachRumble : .flatulence, at: now,
                for: 2_000, chance: 0.95, confidence: 0.75...0.95)
        }
        // A break at a moment of the client's choosing.
        if let at = persona.breakAt, !breakTaken, working, Double(planTime) >= at * Double(planDuration) {
            breakTaken = true
            press(.takeBreak, at: now)
        }
        // Pressure up, and up again.
        if let at = persona.pressesUpTwiceAt, working, setpoint.contact {
            if pressesDone == 0, Double(planTime) >= at * Double(planDuration) {
                pressesDone = 1
                firstPressAt = now
                firstPressPart = setpoint.part
                press(.pressureUp, at: now)
            } else if pressesDone == 1, now - firstPressAt >= 20_000, setpoint.part == firstPressPart {
                pressesDone = 2
                press(.pressureUp, at: now)
            }
        }
        // The classifier's odd mistake, with low confidence.
        if working, Double.random(in: 0..<1, using: &hearing) < 1.0 / 300_000 {
            // Not a sound the client made: no voice, only the label.
            let kind = SoundEvent.Kind.confusable.randomElement(using: &hearing) ?? .sigh
            _ = Double.random(in: 0..<1, using: &hearing)  // (the roll a heard sound takes)
            let at = now + Int(Double.random(in: 0...0.1, using: &hearing) * 1_000)
            soundLog.append((at, SoundEvent(kind, confidence: Double.random(in: 0.3...0.55, using: &hearing))))
        }
        // The odd false alarm from the detectors, always with low confidence.
        if working, chance(perSecond: 1.0 / 300) {
            let kind = [ReactionKind.pain, .crying, .laughter, .sleep].randomElement(using: &rng)!
            report(kind, at: now, confidence: 0.2...0.45, .reported("weak evidence"))
        }

        bodyState.relaxation = body.relaxation
        bodyState.pain = body.pain
        bodyState.cryingFor = cryingStart >= 0 ? now - cryingStart : -1
        bodyState.laughing = now < laughUntil
        bodyState.sighing = now < sighUntil
        return biosignals.step(at: now, state: bodyState)
    }

    mutating func wake(at now: Int) {
        guard bodyState.asleep else { return }
        bodyState.asleep = false
        if asleepTruth >= 0 { truth[asleepTruth].end = now }
        asleepTruth = -1
    }

    mutating func dropPendingAnswers() {
        controls.removeAll { if case .answer = $0.control { true } else { false } }
    }

    /// Sees what the session shows or does: answers questions, resumes after pauses.
    public mutating func observe(_ event: TimedEvent) {
        switch event.event {
        case .checkIn(let checkIn):
            dropPendingAnswers()
            guard !bodyState.asleep else { return }
            let answer: CheckInAnswer =
                switch checkIn.kind {
                case .pressure: .justRight
                case .afterPain: .better
                case .afterDetectedPain: event.t - lastPainAt < 5_000 ? .better : .itsFine
                case .crying: persona.tears?.answer ?? .keepGoing
                }
            if checkIn.answers.contains(answer) {
                press(.answer(answer), at: event.t + seconds(persona.answerDelay))
            }
        case .checkInClosed(_, nil):
            dropPendingAnswers()
        case .stateChanged(let state):
            let previous = sessionState
            sessionState = state
            guard state != previous else { return }
            switch state {
            case .onBreak:
                press(.resume, at: event.t + (scriptedBreakLength ?? seconds(persona.breakSeconds)))
                scriptedBreakLength = nil
            case .pausedByClient: press(.resume, at: event.t + seconds(cryingUntil >= 0 ? 40...80 : 20...40))
            case .faulted: press(.resume, at: event.t + seconds(8...12))
            default: break
            }
        default:
            break
        }
    }
}
