import UnknotCore

/// What the planner knows about one side of a region while it plans its strokes: the patch,
/// the zones and spots on its face, and the pressure the client allows there.
struct PartWork {
    let part: BodyPartID
    let patch: RegionPatch
    let zones: [EndangermentZone]
    let tender: [SpotCircle]
    let ticklish: [SpotCircle]
    let wholeTender: Bool
    let wholeTicklish: Bool
    let skipTicklish: Bool
    /// The client's level for this part after every cap (pain limit, screening, region).
    let workingLevel: PressureLevel
    let isFocus: Bool

    var region: BodyRegion { part.region }
    var face: BodyFace { patch.face }

    /// Extra distance allowed for the path between two samples, cm.
    static let sampleSlack = 0.75

    func touchesZone(_ p: SurfacePoint, reach: Double, includingSpine: Bool = true) -> Bool {
        zones.contains { zone in
            (includingSpine || zone.kind != .spine) && zone.isTouched(at: p, on: face, radius: reach + Self.sampleSlack)
        }
    }

    func touchesSpine(_ p: SurfacePoint, reach: Double) -> Bool {
        zones.contains { $0.kind == .spine && $0.isTouched(at: p, on: face, radius: reach + Self.sampleSlack) }
    }

    func isNearZone(_ p: SurfacePoint, within distance: Double) -> Bool {
        zones.contains { $0.kind != .spine && $0.face == face && $0.shape.isWithin(distance, of: p) }
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
