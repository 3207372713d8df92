import UnknotCore

/// What the planner knows about one side of a region while it plans its strokes: the patch,
/// the zones and spots on its face, and the pressure the client allows there.
struct PartWork {
    let part: BodyPartID
    let patch: RegionPatch
    let zones: [EndangermentZone]
    /// Outlines of the parts on this face that no contact may reach (avoided, unconsented,
    /// ticklish and skipped).
    let forbidden: [SurfacePolygon]
    let tender: [SpotCircle]
    let ticklish: [SpotCircle]
    let wholeTender: Bool
    let wholeTicklish: Bool
    let skipTicklish: Bool
    /// The client's level for this part after every cap (pain limit, screening, region).
    let workingLevel: PressureLevel
    let isFocus: Bool
    /// The client's body, for where its skin is.
    let body: BodyModel

    var region: BodyRegion { part.region }
    var face: BodyFace { patch.face }

    /// Extra distance allowed for the path between two samples, cm.
    static let sampleSlack = 0.75

    /// Whether `p` is beside the body rather than on it: no place for a contact's centre (a lane
    /// pushed out by a contact wider than its row put a rocking hand's centre on the table beside
    /// the hips; the physics twin's pad then pressed the side of the hip).
    func isOffBody(_ p: SurfacePoint) -> Bool { body.surfaceHeight(at: p, face: face) <= 0 }

    /// Whether a contact reaching `reach` from `p` touches an endangerment zone other than the spine.
    func touchesZone(_ p: SurfacePoint, reach: Double) -> Bool {
        zones.contains { zone in
            zone.kind != .spine && zone.isTouched(at: p, on: face, radius: reach + Self.sampleSlack)
        }
    }

    /// Whether a contact reaching `reach` from `p` (plus the sample slack) would reach a part
    /// that must not be touched.
    func touchesForbidden(_ p: SurfacePoint, reach: Double) -> Bool {
        forbidden.contains { $0.overlaps(diskAt: p, radius: reach + Self.sampleSlack) }
    }

    /// Lanes are clamped clear of the spine exactly (and stay clear between samples), so no
    /// slack is added here: a contact whose edge meets the spine's edge does not touch it.
    func touchesSpine(_ p: SurfacePoint, reach: Double) -> Bool {
        zones.contains { $0.kind == .spine && $0.isTouched(at: p, on: face, radius: reach) }
    }

    /// The smallest distance from the midline at which a round contact of `reach` centred at
    /// height `y` stays clear of the spine (0 when the spine is out of reach there).
    func spineClearance(at y: Double, reach: Double) -> Double {
        guard let spine = zones.first(where: { $0.kind == .spine }) else { return 0 }
        let shape = spine.shape
        let dy = y < shape.minY ? shape.minY - y : y > shape.maxY ? y - shape.maxY : 0
        guard dy < reach else { return 0 }
        // A micrometre more, so that rounding never puts a contact's edge inside the spine.
        return shape.maxX + (reach * reach - dy * dy).squareRoot() + 1e-4
    }

    /// Whether `p` lies within `distance` of an endangerment zone other than the spine.
    func isNearZone(_ p: SurfacePoint, within distance: Double) -> Bool {
        zones.contains { $0.kind != .spine && $0.shape.isWithin(distance, of: p) }
    }

    func touchesTender(_ p: SurfacePoint, reach: Double) -> Bool {
        wholeTender || tender.contains { $0.center.distance(to: p) < $0.radius + reach + Self.sampleSlack }
    }

    func touchesTicklish(_ p: SurfacePoint, reach: Double) -> Bool {
        wholeTicklish || ticklish.contains { $0.center.distance(to: p) < $0.radius + reach + Self.sampleSlack }
    }

    /// The level a phase of the given intensity works at here.
    func phaseLevel(_ intensity: Double) -> PressureLevel {
        PressureLevel(clamping: Int((Double(workingLevel.value) * intensity).rounded()))
    }
}

/// A round spot on the surface chart.
struct SpotCircle {
    var center: SurfacePoint
    var radius: Double
}
