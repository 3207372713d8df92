import UnknotCore
import UnknotSession

/// A simulated body on the table: tissue under the contact as a spring-damper with a stiffness
/// per region, tender spots that hurt above a force, ticklish spots that tickle under light
/// moving contact, muscle guarding (stiffening) while in pain, and relaxation over time.
///
/// Deterministic: the same inputs give the same responses. A step allocates nothing.
public struct SimulatedBody: Sendable {
    /// A spot that hurts when pressed harder than `thresholdNewtons`.
    public struct Tender: Sendable, Hashable {
        public var part: BodyPartID
        public var face: BodyFace
        public var center: SurfacePoint
        public var radius: Double
        public var thresholdNewtons: Double

        public init(part: BodyPartID, face: BodyFace, center: SurfacePoint, radius: Double, thresholdNewtons: Double) {
            self.part = part
            self.face = face
            self.center = center
            self.radius = radius
            self.thresholdNewtons = thresholdNewtons
        }
    }

    /// Skin that tickles under light, moving contact below `belowNewtons`.
    public struct Ticklish: Sendable, Hashable {
        public var region: BodyRegion
        public var belowNewtons: Double

        public init(region: BodyRegion, belowNewtons: Double) {
            self.region = region
            self.belowNewtons = belowNewtons
        }
    }

    public let model: BodyModel
    public var tender: [Tender]
    public var ticklish: [Ticklish]
    /// Above this level on any region, pressure hurts (10 for nobody).
    public var painAboveLevel: Int
    /// 0 (tense) to 1 (deeply relaxed).
    public private(set) var relaxation = 0.0
    /// How fast the body relaxes, per minute of calm contact.
    public var relaxationRate: Double
    /// 0 (soft) to 1 (fully guarding).
    public private(set) var guarding = 0.0
    /// Tissue indentation under the contact, cm.
    public private(set) var indentation = 0.0
    /// Pain now, 0 to 1.
    public private(set) var pain = 0.0
    /// Tickle now, 0 to 1.
    public private(set) var tickle = 0.0
    /// Apparent stiffness under the contact, N/cm.
    public private(set) var stiffness = 0.0

    public init(
        model: BodyModel, tender: [Tender] = [], ticklish: [Ticklish] = [], painAboveLevel: Int = 10,
        relaxationRate: Double = 0.08
    ) {
        self.model = model
        self.tender = tender
        self.ticklish = ticklish
        self.painAboveLevel = painAboveLevel
        self.relaxationRate = relaxationRate
    }

    /// Resting stiffness of a region's tissue, N/cm (``BodyRegion/restingTissueStiffness``).
    public static func baseStiffness(_ region: BodyRegion) -> Double { region.restingTissueStiffness }

    /// Advances 1 ms under the robot's contact.
    public mutating func step(contact setpoint: Setpoint, force: Double, calm: Bool) {
        let dt = 0.001
        guard setpoint.contact, let part = setpoint.part, let technique = setpoint.technique else {
            indentation += (0 - indentation) * 0.05
            stiffness = 0
            pain = max(0, pain - dt / 0.8)
            tickle = max(0, tickle - dt / 0.5)
            guarding = max(0, guarding - dt / 4 * guarding)
            if calm { relaxation = min(1, relaxation + relaxationRate / 60_000 * (1 - relaxation) * 0.5) }
            return
        }
        let k = Self.baseStiffness(part.region) * (1 + 0.9 * guarding) * (1 - 0.15 * relaxation)
        stiffness = k
        // Kelvin-Voigt tissue under force control: c·dx/dt = F − k·x, with c = 2 N·s/cm.
        indentation += dt * (force - k * indentation) / 2
        var hurt = 0.0
        let general = PressureScale.force(PressureLevel(clamping: painAboveLevel), on: part.region, with: technique)
        if painAboveLevel < 10, force > general { hurt = min(1, (force - general) / max(general * 0.2, 1)) }
        let reach = technique.spec.contactWidth / 2
        for spot in tender where spot.face == setpoint.face && spot.part == part {
            if setpoint.position.distance(to: spot.center) < spot.radius + reach * 0.5, force > spot.thresholdNewtons {
                hurt = max(hurt, min(1, (force - spot.thresholdNewtons) / max(spot.thresholdNewtons * 0.25, 1)))
            }
        }
        pain = hurt > pain ? pain + (hurt - pain) * 0.02 : max(hurt, pain - dt / 0.8)
        var tickled = 0.0
        for skin in ticklish where skin.region == part.region && force < skin.belowNewtons && setpoint.speed > 0 {
            tickled = 1 - force / skin.belowNewtons
        }
        tickle = tickled > tickle ? tickle + (tickled - tickle) * 0.01 : max(tickled, tickle - dt / 0.5)
        // Guarding follows pain within a fraction of a second and lets go over seconds.
        guarding = pain > guarding ? guarding + (pain - guarding) * 0.01 : guarding - dt / 4 * guarding
        if calm, pain == 0 { relaxation = min(1, relaxation + relaxationRate / 60_000 * (1 - relaxation)) }
    }
}
