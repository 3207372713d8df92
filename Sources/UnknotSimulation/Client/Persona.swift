import UnknotCore

/// A simulated client: what they wrote in their care plan, what their body is like, and how
/// they behave on the table. Scripted personas stand for the cases of CARE.md section 1; the
/// seed varies their timing (and everything about the `random` persona).
public struct Persona: Sendable {
    /// A spot on the body that hurts above a pressure level.
    public struct TenderSpot: Sendable, Hashable {
        public var area: BodyArea
        public var at: RegionCoordinate
        public var radius: Double
        /// Pressure above this level hurts there.
        public var hurtsAboveLevel: Int

        public init(area: BodyArea, at: RegionCoordinate, radius: Double, hurtsAboveLevel: Int) {
            self.area = area
            self.at = at
            self.radius = radius
            self.hurtsAboveLevel = hurtsAboveLevel
        }
    }

    /// When tears come, and what the client wants then.
    public struct Tears: Sendable, Hashable {
        public var region: BodyRegion
        public var technique: Technique
        public var minimumLevel: Int
        /// Seconds in that context before tears come.
        public var afterSeconds: Double
        public var seconds: ClosedRange<Double>
        /// The answer to "a break, a tissue, or keep going?".
        public var answer: CheckInAnswer
    }

    public var name: String
    public var summary: String
    public var carePlan: CarePlan
    public var tenderSpots: [TenderSpot] = []
    public var ticklishRegions: [BodyRegion] = []
    /// Pressure above this level hurts anywhere (10: never).
    public var hurtsAboveLevel = 10
    public var relaxationRate = 0.08
    /// Falls asleep this many minutes in, once relaxed.
    public var fallsAsleepAfterMinutes: Double?
    public var tears: Tears?
    /// Asks for a break at this fraction of the plan, for this many seconds.
    public var breakAt: Double?
    public var breakSeconds: ClosedRange<Double> = 60...180
    /// Presses pressure up twice at this fraction of the plan.
    public var pressesUpTwiceAt: Double?
    /// Whether a real person at a console presses the controls: the simulated client then
    /// presses nothing (no resume after a pause, no answers) and only its body reacts.
    public var controlsFromConsole = false
    /// The stomach rumbles in deep work.
    public var rumbles = false
    public var baseHeartRate = 70.0
    /// Seconds the client takes to answer a question.
    public var answerDelay: ClosedRange<Double> = 2...5

    public init(name: String, summary: String, carePlan: CarePlan) {
        self.name = name
        self.summary = summary
        self.carePlan = carePlan
    }

    /// A client with no particular traits and a default care plan (a scenario's starting point).
    public static var plain: Persona { Persona(name: "plain", summary: "no particular traits", carePlan: CarePlan()) }

    /// The personas `unknot simulate --persona` knows.
    public static let names = [
        "sleeper", "tender-left-trapezius", "cries-keeps-going", "cries-wants-tissue", "ticklish-feet", "break-taker",
        "pressure-seeker", "rumbly-stomach", "random",
    ]

    /// The persona of that name, its timing drawn from `seed`; `nil` for an unknown name.
    public static func named(_ name: String, seed: UInt64) -> Persona? {
        var rng = SeededGenerator(seed: seed ^ 0x9E25_07A5)
        var care = CarePlan()
        care.pressure.level = PressureLevel(clamping: 5)
        switch name {
        case "sleeper":
            var p = Persona(name: name, summary: "relaxes quickly and falls asleep", carePlan: care)
            p.relaxationRate = 0.3
            p.fallsAsleepAfterMinutes = Double.random(in: 8...12, using: &rng)
            p.baseHeartRate = 68
            return p
        case "tender-left-trapezius":
            var p = Persona(
                name: name, summary: "a tender spot on the left upper trapezius that hurts above level 4",
                carePlan: care)
            p.tenderSpots = [
                TenderSpot(
                    area: BodyArea(.shoulders, side: .left), at: RegionCoordinate(u: 0.3, v: 0.4), radius: 5,
                    hurtsAboveLevel: 4)
            ]
            return p
        case "cries-keeps-going", "cries-wants-tissue":
            // Tears during deep gliding on the shoulders; one wants to go on, the other (who said
            // so in the care plan) a pause with a tissue.
            let tissue = name == "cries-wants-tissue"
            if tissue { care.ifICry = .pauseAndOfferTissue }
            var p = Persona(
                name: name,
                summary: "cries during deep gliding on the shoulders and wants "
                    + (tissue ? "a pause with a tissue" : "to keep going"),
                carePlan: care)
            p.tears = Tears(
                region: .shoulders, technique: .gliding, minimumLevel: 4,
                afterSeconds: Double.random(in: 15...30, using: &rng),
                seconds: tissue ? 40...80 : 60...120, answer: tissue ? .tissue : .keepGoing)
            return p
        case "ticklish-feet":
            var p = Persona(name: name, summary: "laughs when the feet are touched lightly", carePlan: care)
            p.ticklishRegions = [.feet]
            return p
        case "break-taker":
            var p = Persona(name: name, summary: "asks for a break at a random moment", carePlan: care)
            p.breakAt = Double.random(in: 0.2...0.8, using: &rng)
            return p
        case "pressure-seeker":
            care.painLimit = PressureLevel(clamping: 8)
            var p = Persona(
                name: name, summary: "presses pressure up twice, then says \"that hurts\"", carePlan: care)
            p.pressesUpTwiceAt = Double.random(in: 0.3...0.45, using: &rng)
            p.hurtsAboveLevel = care.pressure.level.value + 1
            return p
        case "rumbly-stomach":
            var p = Persona(name: name, summary: "the stomach rumbles during deep work", carePlan: care)
            p.rumbles = true
            return p
        case "random":
            care.pressure.level = PressureLevel(clamping: Int.random(in: 3...7, using: &rng))
            care.painLimit = PressureLevel(clamping: max(care.pressure.level.value, Int.random(in: 5...8, using: &rng)))
            if Bool.random(using: &rng) { care.ifICry = CryingDirective.allCases.randomElement(using: &rng) }
            care.voicePrompts = VoicePrompts.allCases.randomElement(using: &rng)!
            var p = Persona(name: name, summary: "a mix of traits drawn from the seed", carePlan: care)
            p.relaxationRate = Double.random(in: 0.05...0.3, using: &rng)
            if Bool.random(using: &rng) { p.fallsAsleepAfterMinutes = Double.random(in: 6...20, using: &rng) }
            if Bool.random(using: &rng) {
                p.tenderSpots = [
                    TenderSpot(
                        area: BodyArea(.shoulders, side: Bool.random(using: &rng) ? .left : .right),
                        at: RegionCoordinate(
                            u: Double.random(in: 0.2...0.8, using: &rng), v: Double.random(in: 0.2...0.8, using: &rng)),
                        radius: 5, hurtsAboveLevel: max(1, care.pressure.level.value - 1))
                ]
            }
            if Bool.random(using: &rng) {
                p.tears = Tears(
                    region: [.shoulders, .upperBack, .neck].randomElement(using: &rng)!, technique: .gliding,
                    minimumLevel: 1, afterSeconds: Double.random(in: 10...40, using: &rng), seconds: 30...120,
                    answer: [.keepGoing, .tissue, .takeBreak].randomElement(using: &rng)!)
            }
            if Bool.random(using: &rng) { p.ticklishRegions = [.feet] }
            if Bool.random(using: &rng) { p.breakAt = Double.random(in: 0.1...0.9, using: &rng) }
            p.rumbles = Bool.random(using: &rng)
            p.baseHeartRate = Double.random(in: 60...85, using: &rng)
            return p
        default:
            return nil
        }
    }
}
