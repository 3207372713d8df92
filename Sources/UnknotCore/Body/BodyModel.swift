import Foundation

/// A parametric model of a body lying on the table, built from its measurements.
///
/// The body is seen on the surface chart (see ``SurfacePoint``): a head-neck-torso section on
/// the midline, two legs and two arms lying beside the torso. Each section has an outline
/// half-width and a height profile along the body, and a rounded cross-section
/// (a superellipse), so the surface is a height field over the table. The model gives every
/// region's patch, the endangerment zones, and the 3D position and surface normal at every
/// point. Guarantees: deterministic for given measurements; the outline widths at the
/// landmarks equal the measurements.
public struct BodyModel: Sendable {
    public let measurements: BodyMeasurements
    public let landmarks: BodyLandmarks
    /// One patch for every ``BodyPartID``, in ``BodyPartID/all`` order.
    public private(set) var patches: [RegionPatch]
    public private(set) var zones: [EndangermentZone]

    let torsoHalfWidth: MonotoneCurve
    let posteriorDepth: MonotoneCurve
    let anteriorDepth: MonotoneCurve
    let legCenter: MonotoneCurve
    let legHalfWidth: MonotoneCurve
    let legDepth: MonotoneCurve
    let armCenter: Double
    let armHalfWidth: MonotoneCurve
    let armSpan: ClosedRange<Double>
    static let crossSectionExponent = 2.5

    /// Builds the model; the measurements should satisfy ``BodyMeasurements/problems()``.
    public init(_ m: BodyMeasurements) {
        measurements = m
        let h = m.height
        let l = BodyLandmarks(height: h)
        landmarks = l
        let head = 0.045 * h
        let neck = m.neckWidth / 2
        let shoulder = m.shoulderWidth / 2
        let waist = m.waistWidth / 2
        let hip = m.hipWidth / 2
        torsoHalfWidth = MonotoneCurve([
            (0, 0.25 * head), (0.012 * h, 0.6 * head), (0.035 * h, 0.92 * head), (0.06 * h, head),
            (0.09 * h, 0.95 * head), (0.115 * h, max(0.76 * head, neck * 1.02)), (l.neck, neck),
            (0.158 * h, neck * 1.08), (l.shoulders, shoulder), (l.armpit, 0.93 * shoulder),
            (0.31 * h, (0.93 * shoulder + waist) / 2 + 0.15 * (0.93 * shoulder - waist)), (l.waist, waist),
            (l.hips, hip), (l.crotch, 0.985 * hip),
        ])
        let t = m.torsoDepth
        posteriorDepth = MonotoneCurve([
            (0, 6), (0.03 * h, 11), (0.07 * h, 13), (0.11 * h, 11), (l.neck, 9), (l.neckBase, 12),
            (0.2 * h, 0.9 * t), (0.25 * h, t), (0.3 * h, 0.95 * t), (l.waist, 0.8 * t), (0.48 * h, 0.95 * t),
            (l.crotch, 0.85 * t),
        ])
        anteriorDepth = MonotoneCurve([
            (0, 8), (0.05 * h, 17), (0.1 * h, 15), (l.neck, 8), (l.neckBase, 10), (0.22 * h, 0.9 * t),
            (0.27 * h, 0.95 * t), (0.33 * h, 0.85 * t), (0.4 * h, 0.82 * t), (l.crotch, 0.7 * t),
        ])
        let quarterHip = m.hipWidth / 4
        legCenter = MonotoneCurve([(l.crotch, quarterHip), (l.knees, quarterHip + 1), (h, quarterHip + 2.5)])
        legHalfWidth = MonotoneCurve([
            (l.crotch, quarterHip), (0.58 * h, 0.88 * quarterHip), (0.66 * h, 0.7 * quarterHip + 0.012 * h),
            (l.knees, 0.031 * h), (0.8 * h, 0.034 * h), (l.ankles, 0.02 * h), (0.975 * h, 0.024 * h),
            (h, 0.016 * h),
        ])
        legDepth = MonotoneCurve([
            (l.crotch, 0.6 * t), (0.7 * h, 11), (l.knees, 10), (0.8 * h, 11), (l.ankles, 7), (h, 8),
        ])
        let armTop = 0.2 * h
        let armBottom = 0.625 * h
        armSpan = armTop...armBottom
        armHalfWidth = MonotoneCurve([
            (armTop, 0.022 * h), (0.23 * h, 0.026 * h), (0.37 * h, 0.021 * h), (0.42 * h, 0.022 * h),
            (0.48 * h, 0.015 * h), (0.53 * h, 0.025 * h), (0.6 * h, 0.02 * h), (armBottom, 0.008 * h),
        ])
        // Arms lie beside the torso with a gap, clear of the widest point they pass.
        armCenter = max(shoulder, hip) + 2.5 + 0.026 * h

        patches = []
        zones = []
        patches = BodyPartID.all.map { makePatch($0) }
        zones = makeZones()
    }

    /// The patch of one side of a region.
    public func patch(for part: BodyPartID) -> RegionPatch {
        patches[BodyPartID.all.firstIndex(of: part)!]
    }

    /// The endangerment zones on or within `margin` centimetres of one side of a region: what
    /// work on that region must treat with broad, flat, light contact (or, the spine, not touch).
    public func zones(near part: BodyPartID, margin: Double = 0) -> [EndangermentZone] {
        let outline = patch(for: part).outline
        return zones.filter { zone in
            guard zone.face == part.region.face else { return false }
            return zone.shape.vertices.contains { outline.isWithin(margin, of: $0) }
                || outline.vertices.contains { zone.shape.isWithin(margin, of: $0) }
        }
    }

    /// Outline half-width of the head, neck and torso at `y` (0 below the crotch).
    public func torsoHalfWidth(at y: Double) -> Double {
        y < 0 || y > landmarks.crotch ? 0 : torsoHalfWidth(y)
    }

    /// Lateral centre and half-width of the right leg at `y` (the left is mirrored).
    public func leg(at y: Double) -> (center: Double, halfWidth: Double)? {
        guard y >= landmarks.crotch, y <= measurements.height else { return nil }
        return (legCenter(y), legHalfWidth(y))
    }

    /// Lateral centre and half-width of the right arm at `y` (the left is mirrored).
    public func arm(at y: Double) -> (center: Double, halfWidth: Double)? {
        guard armSpan.contains(y) else { return nil }
        return (armCenter, armHalfWidth(y))
    }

    /// Height of the surface above the table at a chart point, 0 off the body.
    /// On the anterior face this is the height of the front of the body with the client supine.
    public func surfaceHeight(at p: SurfacePoint, face: BodyFace = .posterior) -> Double {
        var best = 0.0
        if p.y >= 0 && p.y <= landmarks.crotch {
            let depth = face == .posterior ? posteriorDepth(p.y) : anteriorDepth(p.y)
            best = max(best, Self.section(p.x, center: 0, half: torsoHalfWidth(p.y), depth: depth))
        }
        if let leg = leg(at: p.y) {
            let d = face == .posterior ? legDepth(p.y) : legDepth(p.y) * 1.1
            best = max(best, Self.section(abs(p.x), center: leg.center, half: leg.halfWidth, depth: d))
        }
        if let arm = arm(at: p.y) {
            best = max(best, Self.section(abs(p.x), center: arm.center, half: arm.halfWidth, depth: 6.5))
        }
        return best
    }

    static func section(_ x: Double, center: Double, half: Double, depth: Double) -> Double {
        guard half > 0 else { return 0 }
        let t = abs(x - center) / half
        guard t < 1 else { return 0 }
        let p = crossSectionExponent
        return depth * pow(1 - pow(t, p), 1 / p)
    }

    /// The 3D point of the body surface at a chart point, in the station frame (table top at
    /// z = 0). With the client supine the client's right lies on the station's left.
    public func position(at p: SurfacePoint, face: BodyFace = .posterior) -> Vector3 {
        let z = surfaceHeight(at: p, face: face)
        return Vector3(x: face == .posterior ? p.x : -p.x, y: p.y, z: z)
    }

    /// The outward unit normal of the body surface at a chart point, in the station frame.
    public func normal(at p: SurfacePoint, face: BodyFace = .posterior) -> Vector3 {
        let e = 0.05
        let dx =
            (surfaceHeight(at: SurfacePoint(x: p.x + e, y: p.y), face: face)
                - surfaceHeight(at: SurfacePoint(x: p.x - e, y: p.y), face: face)) / (2 * e)
        let dy =
            (surfaceHeight(at: SurfacePoint(x: p.x, y: p.y + e), face: face)
                - surfaceHeight(at: SurfacePoint(x: p.x, y: p.y - e), face: face)) / (2 * e)
        let n = Vector3(x: -dx, y: -dy, z: 1).normalized
        return face == .posterior ? n : Vector3(x: -n.x, y: n.y, z: n.z)
    }

    /// The body's outline on the chart, as polygons: head and torso, two legs, two arms.
    public func outline() -> [SurfacePolygon] {
        let step = 1.0
        var torso: [SurfacePoint] = []
        var y = 0.0
        while y <= landmarks.crotch {
            torso.append(SurfacePoint(x: torsoHalfWidth(y), y: y))
            y += step
        }
        torso.append(SurfacePoint(x: torsoHalfWidth(landmarks.crotch), y: landmarks.crotch))
        let torsoPolygon = SurfacePolygon(torso + torso.reversed().map(\.mirrored))
        func limb(_ span: ClosedRange<Double>, _ section: (Double) -> (center: Double, halfWidth: Double)?)
            -> SurfacePolygon
        {
            var inner: [SurfacePoint] = []
            var outer: [SurfacePoint] = []
            var y = span.lowerBound
            while y <= span.upperBound + 1e-9 {
                if let s = section(min(y, span.upperBound)) {
                    inner.append(SurfacePoint(x: s.center - s.halfWidth, y: y))
                    outer.append(SurfacePoint(x: s.center + s.halfWidth, y: y))
                }
                y += step
            }
            return SurfacePolygon(inner + outer.reversed())
        }
        let rightLeg = limb(landmarks.crotch...measurements.height, leg(at:))
        let rightArm = limb(armSpan, arm(at:))
        return [torsoPolygon, rightLeg, rightLeg.mirrored, rightArm, rightArm.mirrored]
    }

    /// The chart circle a spot covers, or `nil` when the spot is a whole area.
    public func spotCircle(_ spot: BodySpot) -> (center: SurfacePoint, radius: Double, face: BodyFace)? {
        guard let at = spot.at else { return nil }
        let part = spot.area.parts[0]
        let patch = patch(for: part)
        return (patch.point(at: at), spot.radius, patch.face)
    }
}
