import Foundation
import UnknotCore

/// The tissue under the pad, a system in Drake's sense: its input is where the pad is, its state
/// the body's guarding, relaxation and tender spots, its output the stiffness and damping of the
/// client's spring (``BodySurface``) for the next step.
///
/// The figures are the ones the station's simulated tissue uses (``BodyRegion/restingTissueStiffness``,
/// a damping of 2 N s/cm), so the engine meets the same tissue on either: guarding stiffens it up to
/// 1.9 times, relaxation softens it by up to 15 %, and a tender spot is firmer still. Stiffness is
/// averaged over the pad's footprint (a 3 cm circle), as a pad's contact patch feels it: crossing
/// from one region to the next changes it over centimetres, not at a line.
public struct ClientTissue: Sendable {
    /// A spot firmer than the tissue around it (a knot, a guarded tender spot).
    public struct FirmSpot: Sendable, Hashable {
        public var center: SurfacePoint
        /// Radius, centimetres.
        public var radius: Double
        /// How many times stiffer than the tissue around it.
        public var factor: Double

        public init(center: SurfacePoint, radius: Double, factor: Double) {
            self.center = center
            self.radius = radius
            self.factor = factor
        }
    }

    /// A sore spot: pressed harder than `thresholdNewtons`, the muscle under it guards — its
    /// stiffness rises toward 1.9 times within a few hundred milliseconds — and lets go over a
    /// couple of seconds once the press is lighter or elsewhere (CARE.md section 1: guarding is how
    /// a body says "too much" before its owner does).
    public struct SoreSpot: Sendable, Hashable {
        public var center: SurfacePoint
        /// Radius, centimetres.
        public var radius: Double
        public var thresholdNewtons: Double
        /// 0 (at rest) to 1 (fully guarding), now.
        public internal(set) var guarding = 0.0

        public init(center: SurfacePoint, radius: Double, thresholdNewtons: Double) {
            self.center = center
            self.radius = radius
            self.thresholdNewtons = thresholdNewtons
        }

        /// How much of the spot's guarding is felt at `p`: all of it up to a centimetre from its
        /// edge, fading to none at the edge — a guarding muscle does not end at a line, and a pad
        /// resting on a hard edge read the tissue as 9 and 16 N/cm by turns.
        func share(at p: SurfacePoint) -> Double {
            min(1, max(0, radius - center.distance(to: p)))
        }

        /// A sore spot in the middle of `part` (4 cm across) that guards when pressed firmer than
        /// halfway between pressure levels 2 and 3 there: a press at level 3 guards it, whatever
        /// ripple the force loop holds it with, and one at level 2 does not. (Set at level 3's own
        /// force, a press held at level 3 by a good force loop sat on the threshold: it guarded or
        /// not by a few hundredths of a newton.)
        public init(in part: BodyPartID, of model: BodyModel) {
            let between =
                (PressureScale.force(PressureLevel(clamping: 2), on: part.region)
                    + PressureScale.force(PressureLevel(clamping: 3), on: part.region)) / 2
            self.init(
                center: model.patch(for: part).point(at: RegionCoordinate(u: 0.5, v: 0.5)), radius: 4,
                thresholdNewtons: between)
        }
    }

    public let surface: BodySurface
    /// 0 (soft) to 1 (fully guarding).
    public var guarding = 0.0
    /// 0 (tense) to 1 (deeply relaxed).
    public var relaxation = 0.0
    public var firmSpots: [FirmSpot] = []
    public var soreSpots: [SoreSpot] = []
    /// How fast a sore spot guards and lets go: time constants, seconds.
    public static let guardingRise = 0.15
    public static let guardingFall = 2.0
    /// The tissue's damping, N s/m (the simulated body's 2 N s/cm).
    public static let damping = 200.0

    public init(surface: BodySurface) { self.surface = surface }

    /// The tissue's stiffness at a chart point, N/m, off the body the softest tissue's.
    public func stiffness(at p: SurfacePoint) -> Double {
        var total = 0.0
        var count = 0.0
        for (dx, dy) in Self.footprint {
            let q = SurfacePoint(x: p.x + dx, y: p.y + dy)
            if let part = surface.part(at: q) {
                total += part.region.restingTissueStiffness * 100
                count += 1
            }
        }
        var k = count > 0 ? total / count : BodyRegion.abdomen.restingTissueStiffness * 100
        for spot in firmSpots where spot.center.distance(to: p) < spot.radius { k *= spot.factor }
        for spot in soreSpots { k *= 1 + 0.9 * spot.guarding * spot.share(at: p) }
        return k * (1 + 0.9 * guarding) * (1 - 0.15 * relaxation)
    }

    /// One step (`seconds`) of the sore spots' answer to a press of `force` newtons at `p`.
    public mutating func respond(to force: Double, at p: SurfacePoint, seconds: Double) {
        for i in soreSpots.indices {
            let pressed =
                force > soreSpots[i].thresholdNewtons && soreSpots[i].center.distance(to: p) < soreSpots[i].radius
            let goal = pressed ? 1.0 : 0.0
            let rate = (pressed ? Self.guardingRise : Self.guardingFall)
            soreSpots[i].guarding += (goal - soreSpots[i].guarding) * min(1, seconds / rate)
        }
    }

    /// Sets the client's spring in `world` for the pad touching (or over) `point` (world frame):
    /// the stiffness of the tissue there, acting along the surface's normal there — tissue gives
    /// the way it is pressed, so a press on a steep side compresses it rather than sliding on a
    /// spring that only gives downward. The spring turns toward a new normal at most
    /// ``maximumTurn`` a step, and keeps its way beside the body: turned at once from a steep side
    /// to straight up, a compressed spring moved the body into the pad in one step (27 kN).
    public func apply(to world: PhysicsWorld, at point: SIMD3<Double>) {
        let chart = surface.chart(x: point.x, y: point.y)
        world.setStiffness(joint: BodySurface.tissueJoint, stiffness(at: chart))
        world.setDamping(joint: BodySurface.tissueJoint, Self.damping)
        guard surface.model.surfaceHeight(at: chart, face: .posterior) > 0 else { return }
        let now = world.axis(joint: BodySurface.tissueJoint)
        let wanted = surface.normal(chart)
        let angle = acos(min(1, max(-1, (now * wanted).sum())))
        guard angle > 1e-9 else { return }
        let turned = angle <= Self.maximumTurn ? wanted : now + (wanted - now) * (Self.maximumTurn / angle)
        world.setAxis(joint: BodySurface.tissueJoint, turned / (turned * turned).sum().squareRoot())
    }

    /// The most the tissue's spring turns in one step, radians (2 rad/s at 1 kHz: a pad at 10 cm/s
    /// over the body's curves turns it under 1 rad/s).
    public static let maximumTurn = 0.002

    /// The centre and eight points on a 3 cm circle around it, centimetres.
    static let footprint: [(Double, Double)] =
        [(0, 0)]
        + (0..<8).map { i in
            let a = Double(i) * .pi / 4
            return (3 * cos(a), 3 * sin(a))
        }
}
