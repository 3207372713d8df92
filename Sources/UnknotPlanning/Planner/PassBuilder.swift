import Foundation
import UnknotCore

/// Lays out one pass of a technique over a part: parallel lanes spaced by the contact width,
/// split where the contact would reach an endangerment zone, a tender spot or a ticklish spot,
/// with broad light gliding over the zones and broad still holds on ticklish spots.
struct PassBuilder {
    let work: PartWork
    let heartY: Double
    let phaseLevel: PressureLevel

    static let laneStep = 1.0
    static let ticklishHold = 10_000

    /// Lane centre lines over the patch for a contact of `width` reaching `reach` from its
    /// centre line, each ordered along the body in the technique's direction.
    func lanes(width: Double, reach: Double, towardHeart: Bool) -> [[SurfacePoint]] {
        let patch = work.patch
        let side = work.part.side
        // Work in right-side coordinates (medial edge first), mirror back for the left.
        let mirror = side == .left
        let lo = mirror ? -patch.maxX : patch.minX
        let hi = mirror ? -patch.minX : patch.maxX
        let count = max(1, Int(((hi - lo) / width).rounded(.up)))
        let spacing = (hi - lo) / Double(count)
        let medialPriority = side != .midline
        var result: [[SurfacePoint]] = []
        let yTop = patch.top
        let yBottom = patch.bottom
        var ys: [Double] = []
        var y = yTop
        while y < yBottom - 1e-9 {
            ys.append(y)
            y += Self.laneStep
        }
        ys.append(yBottom)
        let down = (abs(yBottom - heartY) < abs(yTop - heartY))
        for k in 0..<count {
            let laneX = lo + spacing * (Double(k) + 0.5)
            var points: [SurfacePoint] = []
            for y in ys {
                guard let r = patch.xRange(at: y) else { continue }
                let rowLo = mirror ? -r.max : r.min
                let rowHi = mirror ? -r.min : r.max
                var x: Double
                if medialPriority {
                    x = max(min(laneX, rowHi - reach), rowLo + reach)
                } else if rowHi - rowLo < 2 * reach {
                    x = (rowLo + rowHi) / 2
                } else {
                    x = min(max(laneX, rowLo + reach), rowHi - reach)
                }
                if mirror { x = -x }
                points.append(SurfacePoint(x: x, y: y))
            }
            if towardHeart ? !down : k % 2 == 1 { points.reverse() }
            result.append(points)
        }
        return result
    }

    enum SampleClass: Equatable {
        case normal
        case tender
        /// Near an endangerment zone, worked by a broad, flat technique at a light level.
        case zone
        case excluded
    }

    /// Drafts for one covering or working pass of `technique`.
    func pass(_ technique: Technique, speedFactor: Double) -> [StrokeDraft] {
        let spec = technique.spec
        switch spec.motion {
        case .holds(let seconds):
            return holds(technique, seconds: seconds)
        case .lanes, .sway, .circles:
            break
        }
        let reach = spec.reach
        let speed = min(spec.speed.upperBound, spec.preferredSpeed * speedFactor)
        var drafts: [StrokeDraft] = []
        let lanes = lanes(width: spec.contactWidth, reach: reach, towardHeart: technique == .gliding)
        for lane in lanes {
            var run: [SurfacePoint] = []
            var runClass = SampleClass.excluded
            func flush() {
                if run.count >= 2 {
                    let level: PressureLevel
                    let adaptation: StrokeAdaptation?
                    switch runClass {
                    case .tender: (level, adaptation) = (phaseLevel.lowered(by: 2), .tenderSpot)
                    case .zone: (level, adaptation) = (min(phaseLevel, .lightMaximum), .endangermentZone)
                    default: (level, adaptation) = (phaseLevel, nil)
                    }
                    drafts.append(
                        StrokeDraft(
                            technique: technique, level: level, path: shaped(run, spec.motion), speed: speed,
                            holdMilliseconds: 0, adaptation: adaptation))
                }
                run = []
            }
            for p in lane {
                let c = classify(p, reach: reach, broad: spec.isBroadAndFlat)
                if c != runClass {
                    flush()
                    runClass = c
                }
                if c != .excluded { run.append(p) }
            }
            flush()
        }
        if !spec.isBroadAndFlat { drafts += zoneGlides(afterReach: reach) }
        drafts += ticklishHolds()
        return drafts
    }

    /// How a lane sample is worked: broad, flat techniques stay on near a zone at a light level;
    /// narrower ones leave it to ``zoneGlides(afterReach:)``. The spine is never touched.
    func classify(_ p: SurfacePoint, reach: Double, broad: Bool) -> SampleClass {
        if work.touchesTicklish(p, reach: reach) || work.touchesSpine(p, reach: reach) { return .excluded }
        if work.touchesZone(p, reach: reach) { return broad ? .zone : .excluded }
        return work.touchesTender(p, reach: reach) ? .tender : .normal
    }

    /// The actual contact path: the lane itself, or circles / sway laid over it.
    func shaped(_ run: [SurfacePoint], _ motion: TechniqueMotion) -> [SurfacePoint] {
        switch motion {
        case .lanes, .holds:
            return simplified(run)
        case .circles(let radius):
            var out: [SurfacePoint] = []
            for p in run {
                for i in 0..<8 {
                    let a = Double(i) / 8 * 2 * Double.pi
                    out.append(SurfacePoint(x: p.x + radius * sin(a), y: p.y - radius * cos(a)))
                }
            }
            out.append(run[run.count - 1])
            return out
        case .sway(let amplitude):
            var out: [SurfacePoint] = []
            for (i, p) in run.enumerated() {
                let offset = i % 4 == 1 ? amplitude : i % 4 == 3 ? -amplitude : 0
                out.append(SurfacePoint(x: p.x + offset, y: p.y))
            }
            return out
        }
    }

    /// Drops points that lie on the straight line between their neighbours.
    func simplified(_ points: [SurfacePoint]) -> [SurfacePoint] {
        guard points.count > 2 else { return points }
        var out = [points[0]]
        for i in 1..<(points.count - 1) {
            let a = out[out.count - 1]
            let b = points[i]
            let c = points[i + 1]
            let cross = (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)
            if abs(cross) > 1e-6 { out.append(b) }
        }
        out.append(points[points.count - 1])
        return out
    }

    /// Broad, light gliding over the parts of the patch a narrower technique (reaching
    /// `primaryReach` from its lane) had to leave near an endangerment zone.
    func zoneGlides(afterReach primaryReach: Double) -> [StrokeDraft] {
        guard work.zones.contains(where: { $0.kind != .spine }) else { return [] }
        let glide = Technique.gliding.spec
        let level = min(phaseLevel, .lightMaximum)
        // A point the narrow technique left lies within 2 reaches (plus the sample slack) of a
        // zone; a broad lane covering it lies within its own reach of it.
        let margin = glide.reach + 2 * primaryReach + 2 * PartWork.sampleSlack
        var drafts: [StrokeDraft] = []
        for lane in lanes(width: glide.contactWidth, reach: glide.reach, towardHeart: true) {
            var run: [SurfacePoint] = []
            func flush() {
                if run.count >= 2 {
                    drafts.append(
                        StrokeDraft(
                            technique: .gliding, level: level, path: simplified(run), speed: glide.preferredSpeed,
                            holdMilliseconds: 0, adaptation: .endangermentZone))
                }
                run = []
            }
            for p in lane {
                let wanted =
                    work.isNearZone(p, within: margin) && !work.touchesSpine(p, reach: glide.reach)
                    && !work.touchesTicklish(p, reach: glide.reach)
                if wanted { run.append(p) } else { flush() }
            }
            flush()
        }
        return drafts
    }

    /// Broad, still, firm holds over ticklish spots (none if the client skips them).
    func ticklishHolds() -> [StrokeDraft] {
        guard !work.skipTicklish, work.wholeTicklish || !work.ticklish.isEmpty else { return [] }
        let still = Technique.broadStillPressure.spec
        let spacing = still.contactWidth / 2.squareRoot() * 0.95
        let margin = Technique.rocking.spec.reach + 2
        var points: [SurfacePoint] = []
        let patch = work.patch
        var y = patch.top
        while y <= patch.bottom + spacing / 2 {
            let yy = min(y, patch.bottom)
            if let r = patch.xRange(at: yy) {
                var x = r.min
                while x <= r.max + spacing / 2 {
                    let p = SurfacePoint(x: min(x, r.max), y: yy)
                    let near = work.wholeTicklish || work.ticklish.contains { $0.center.distance(to: p) < $0.radius + margin }
                    if near { points.append(p) }
                    x += spacing
                }
            }
            y += spacing
        }
        return points.compactMap { p in
            if work.touchesSpine(p, reach: still.reach) { return nil }
            let level = work.touchesZone(p, reach: still.reach) ? min(work.workingLevel, .lightMaximum) : work.workingLevel
            return StrokeDraft(
                technique: .broadStillPressure, level: level, path: [p], speed: 0, holdMilliseconds: Self.ticklishHold,
                adaptation: .ticklishSpot)
        }
    }

    /// Still holds at a few points spread over the patch (trigger points, broad still pressure).
    func holds(_ technique: Technique, seconds: Double) -> [StrokeDraft] {
        let spec = technique.spec
        let spots = [(0.3, 0.25), (0.7, 0.25), (0.5, 0.5), (0.3, 0.75), (0.7, 0.75)]
        return spots.compactMap { (u, v) -> StrokeDraft? in
            let p = work.patch.point(at: RegionCoordinate(u: u, v: v))
            if work.touchesTicklish(p, reach: spec.reach) { return nil }
            let inZone = work.touchesZone(p, reach: spec.reach)
            if inZone && !spec.isBroadAndFlat { return nil }
            if work.touchesSpine(p, reach: spec.reach) { return nil }
            var level = phaseLevel
            var adaptation: StrokeAdaptation?
            if work.touchesTender(p, reach: spec.reach) {
                level = level.lowered(by: 2)
                adaptation = .tenderSpot
            }
            if inZone {
                level = min(level, .lightMaximum)
                adaptation = .endangermentZone
            }
            return StrokeDraft(
                technique: technique, level: level, path: [p], speed: 0,
                holdMilliseconds: Int(seconds * 1000), adaptation: adaptation)
        }
    }
}
