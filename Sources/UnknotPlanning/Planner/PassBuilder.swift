import Foundation
import UnknotCore

/// Lays out one pass of a technique over a part: parallel lanes spaced by the contact width,
/// split where the contact would reach an endangerment zone, a tender spot or a ticklish spot,
/// with broad light gliding over the zones and broad still holds on ticklish spots.
struct PassBuilder {
    let work: PartWork
    let heartY: Double
    let phaseLevel: PressureLevel
    /// Where each technique may go on each part is the same in every phase: worked out once.
    let geometry: PassGeometry

    static let laneStep = 1.0
    static let ticklishHold = 6_000

    /// Lane centre lines over the patch for a contact of `width` reaching `reach` from its
    /// centre line, each ordered along the body in the technique's direction. Moving contacts
    /// keep their whole reach inside the patch (the medial edge first, so they never touch the
    /// spine); with `spineClearanceOnly` the centre line may run up to any other edge (still
    /// contacts, which may overhang the edge of a limb but never touch the spine).
    func lanes(width: Double, reach: Double, towardHeart: Bool, spineClearanceOnly: Bool = false) -> [[SurfacePoint]] {
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
                // Midline patches cross the midline: no spine bound applies to them.
                let clearance = medialPriority ? work.spineClearance(at: y, reach: reach) : -Double.infinity
                if spineClearanceOnly {
                    x = max(min(laneX, rowHi), rowLo, clearance)
                } else if medialPriority {
                    x = max(min(laneX, rowHi - reach), rowLo + reach, clearance)
                } else if rowHi - rowLo < 2 * reach {
                    x = (rowLo + rowHi) / 2
                } else {
                    x = min(max(laneX, rowLo + reach), rowHi - reach)
                }
                // A centre pushed past the body's edge (a contact wider than its row, medial edge
                // first) comes back onto the body, no nearer the spine or the row's inner edge than
                // allowed: the twin showed a rocking hand's centre on the table beside the hips
                // pressing the side of the hip, then lifting into it.
                while work.isOffBody(SurfacePoint(x: mirror ? -x : x, y: y)),
                    x - 0.25 >= max(rowLo, clearance + PartWork.sampleSlack)
                {
                    x -= 0.25
                }
                if mirror { x = -x }
                points.append(SurfacePoint(x: x, y: y))
            }
            if towardHeart, let split = points.firstIndex(where: { $0.y >= heartY }), split > 0,
                split < points.count - 1
            {
                // The patch spans the heart's level: glide from each end to exactly that level.
                let a = points[split - 1]
                let b = points[split]
                let atHeart = a.interpolated(to: b, (heartY - a.y) / (b.y - a.y))
                result.append(Array(points[..<split]) + [atHeart])
                result.append(Array(points[split...].reversed()) + [atHeart])
                continue
            }
            if towardHeart ? !down : k % 2 == 1 { points.reverse() }
            result.append(points)
        }
        return result
    }

    /// How one lane sample is worked: its level (`nil` when the technique must leave it) and
    /// why it differs from the region's usual work.
    struct Sample {
        var point: SurfacePoint
        var level: PressureLevel?
        var adaptation: StrokeAdaptation?
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
        let key = PassGeometry.Key(part: work.part, technique: technique)
        let classified =
            geometry.lanes[key]
            ?? lanes(width: spec.contactWidth, reach: reach, towardHeart: technique == .gliding).map { lane in
                lane.map { place($0, reach: reach, broad: spec.isBroadAndFlat) }
            }
        geometry.lanes[key] = classified
        for lane in classified {
            var samples = lane.map(sample)
            Self.mergeSingletons(&samples)
            var i = 0
            while i < samples.count {
                guard let level = samples[i].level else {
                    i += 1
                    continue
                }
                var j = i
                while j + 1 < samples.count, samples[j + 1].level == level,
                    samples[j + 1].adaptation == samples[i].adaptation
                {
                    j += 1
                }
                if j > i {
                    drafts.append(
                        StrokeDraft(
                            technique: technique, level: level, path: shaped(samples[i...j].map(\.point), spec.motion),
                            speed: speed, holdMilliseconds: 0, adaptation: samples[i].adaptation))
                }
                i = j + 1
            }
        }
        if !spec.isBroadAndFlat { drafts += zoneGlides(after: technique) }
        drafts += ticklishHolds(after: technique)
        return drafts
    }

    /// Where a lane sample lies, for a technique: broad, flat techniques stay on near a zone (at
    /// a light level); narrower ones leave it to ``zoneGlides(after:)``. Ticklish skin is left to
    /// ``ticklishHolds(after:)``; the spine and untouchable parts are never reached.
    func place(_ p: SurfacePoint, reach: Double, broad: Bool) -> PassGeometry.Place {
        if work.touchesTicklish(p, reach: reach) || work.touchesSpine(p, reach: reach)
            || work.touchesForbidden(p, reach: reach)
        {
            return PassGeometry.Place(point: p, excluded: true, tender: false, zone: false)
        }
        let zone = work.touchesZone(p, reach: reach)
        return PassGeometry.Place(
            point: p, excluded: zone && !broad, tender: work.touchesTender(p, reach: reach), zone: zone)
    }

    /// How a placed sample is worked in this phase: its level and why it differs, if it does.
    func sample(_ place: PassGeometry.Place) -> Sample {
        guard !place.excluded else { return Sample(point: place.point, level: nil) }
        var level = phaseLevel
        var adaptation: StrokeAdaptation?
        if place.tender {
            level = level.lowered(by: 2)
            adaptation = .tenderSpot
        }
        if place.zone {
            level = min(level, .lightMaximum)
            adaptation = .endangermentZone
        }
        return Sample(point: place.point, level: level, adaptation: adaptation)
    }

    /// A worked sample alone between two others of a different kind would make a stroke of no
    /// length and leave its skin unworked: join it to a neighbour, always at the lower level.
    static func mergeSingletons(_ samples: inout [Sample]) {
        func same(_ a: Sample, _ b: Sample) -> Bool { a.level == b.level && a.adaptation == b.adaptation }
        for _ in 0..<3 {
            var changed = false
            for i in samples.indices where samples[i].level != nil {
                let left = i > 0 && same(samples[i - 1], samples[i])
                let right = i + 1 < samples.count && same(samples[i + 1], samples[i])
                if left || right { continue }
                let neighbours = [i - 1, i + 1].filter { samples.indices.contains($0) && samples[$0].level != nil }
                guard let j = neighbours.min(by: { samples[$0].level! < samples[$1].level! }) else { continue }
                if samples[j].level! <= samples[i].level! {
                    samples[i].level = samples[j].level
                    samples[i].adaptation = samples[j].adaptation
                } else {
                    samples[j].level = samples[i].level
                    samples[j].adaptation = samples[i].adaptation
                }
                changed = true
            }
            if !changed { return }
        }
    }

    /// The actual contact path: the lane itself, or circles / sway laid over it. Where the
    /// circles or the sway would take the contact's centre off the body (a lane on a row narrower
    /// than the contact, at the body's edge), they shrink until it stays on: swung past the edge,
    /// the centre would press beside the body — the twin showed a rocking hand over the hips'
    /// edge pressing the side of the hip, then lifting into it.
    func shaped(_ run: [SurfacePoint], _ motion: TechniqueMotion) -> [SurfacePoint] {
        /// The largest size (up to `wanted`, in quarter centimetres) for which every offset of
        /// `offsets` scaled by it keeps the centre on the body.
        func room(_ p: SurfacePoint, _ wanted: Double, _ offsets: [(x: Double, y: Double)]) -> Double {
            var r = wanted
            while r > 0, offsets.contains(where: { work.isOffBody(SurfacePoint(x: p.x + r * $0.x, y: p.y + r * $0.y)) })
            {
                r -= 0.25
            }
            return max(0, r)
        }
        switch motion {
        case .lanes, .holds:
            return simplified(run)
        case .circles(let radius):
            let circle = (0..<8).map { i in
                let a = Double(i) / 8 * 2 * Double.pi
                return (x: sin(a), y: -cos(a))
            }
            var out: [SurfacePoint] = []
            for p in run {
                let r = room(p, radius, circle)
                for o in circle { out.append(SurfacePoint(x: p.x + r * o.x, y: p.y + r * o.y)) }
            }
            out.append(run[run.count - 1])
            return out
        case .sway(let amplitude):
            var out: [SurfacePoint] = []
            for (i, p) in run.enumerated() {
                let swing = i % 4 == 1 ? 1.0 : i % 4 == 3 ? -1.0 : 0
                out.append(SurfacePoint(x: p.x + swing * room(p, amplitude, [(x: swing, y: 0)]), y: p.y))
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

    /// Broad, light gliding over the parts of the patch a narrower technique had to leave near
    /// an endangerment zone.
    func zoneGlides(after technique: Technique) -> [StrokeDraft] {
        guard work.zones.contains(where: { $0.kind != .spine }) else { return [] }
        let glide = Technique.gliding.spec
        let key = PassGeometry.Key(part: work.part, technique: technique)
        let runs = geometry.zoneRuns[key] ?? zoneRuns(primaryReach: technique.spec.reach)
        geometry.zoneRuns[key] = runs
        let level = min(phaseLevel, .lightMaximum)
        return runs.map {
            StrokeDraft(
                technique: .gliding, level: level, path: $0, speed: glide.preferredSpeed, holdMilliseconds: 0,
                adaptation: .endangermentZone)
        }
    }

    /// The paths of ``zoneGlides(after:)`` for a technique reaching `primaryReach`.
    func zoneRuns(primaryReach: Double) -> [[SurfacePoint]] {
        let glide = Technique.gliding.spec
        // A point the narrow technique left lies within 2 reaches (plus the sample slack) of a
        // zone; a broad lane covering it lies within its own reach of it.
        let margin = glide.reach + 2 * primaryReach + 2 * PartWork.sampleSlack
        var runs: [[SurfacePoint]] = []
        for lane in lanes(width: glide.contactWidth, reach: glide.reach, towardHeart: true) {
            var run: [SurfacePoint] = []
            func flush() {
                if run.count >= 2 { runs.append(simplified(run)) }
                run = []
            }
            for p in lane {
                let wanted =
                    work.isNearZone(p, within: margin) && !work.touchesSpine(p, reach: glide.reach)
                    && !work.touchesTicklish(p, reach: glide.reach) && !work.touchesForbidden(p, reach: glide.reach)
                if wanted { run.append(p) } else { flush() }
            }
            flush()
        }
        return runs
    }

    /// Broad, still, firm holds over ticklish spots and the skin around them that `technique`
    /// had to leave (none if the client skips them). The same in every phase: built once.
    ///
    /// Holds sit along lanes that follow the patch's edges, lanes 8 cm apart and holds every
    /// 8 cm along them, so no skin is more than √(4² + 4²) ≈ 5.7 cm from a pad of 6 cm radius.
    /// Beside the spine, where the pads must stay a full radius away, they sit every centimetre.
    func ticklishHolds(after technique: Technique) -> [StrokeDraft] {
        guard !work.skipTicklish, work.wholeTicklish || !work.ticklish.isEmpty else { return [] }
        let key = PassGeometry.Key(part: work.part, technique: technique)
        if let cached = geometry.ticklishHolds[key] { return cached }
        let primaryReach = technique.spec.reach
        let reach = Technique.broadStillPressure.spec.reach
        let step = 8.0
        let margin = 2 * max(primaryReach, Technique.gliding.spec.reach) + 2 * PartWork.sampleSlack
        func near(_ p: SurfacePoint) -> Bool {
            work.wholeTicklish || work.ticklish.contains { $0.center.distance(to: p) < $0.radius + margin }
        }
        func besideSpine(_ p: SurfacePoint) -> Bool {
            let clearance = work.spineClearance(at: p.y, reach: reach)
            return clearance > 0 && abs(p.x) <= clearance + 0.01
        }
        var points: [SurfacePoint] = []
        for lane in lanes(width: step, reach: reach, towardHeart: false, spineClearanceOnly: true) {
            var travelled = Double.infinity
            for (i, p) in lane.enumerated() {
                if i > 0 { travelled += lane[i - 1].distance(to: p) }
                let spacing = besideSpine(p) ? 1.0 : step
                if travelled >= spacing - 1e-9 || i == lane.count - 1 {
                    if near(p) { points.append(p) }
                    travelled = 0
                }
            }
        }
        let drafts = points.compactMap { p -> StrokeDraft? in
            guard !work.touchesSpine(p, reach: reach), !work.touchesForbidden(p, reach: reach) else { return nil }
            let level = work.touchesZone(p, reach: reach) ? min(work.workingLevel, .lightMaximum) : work.workingLevel
            return StrokeDraft(
                technique: .broadStillPressure, level: level, path: [p], speed: 0, holdMilliseconds: Self.ticklishHold,
                adaptation: .ticklishSpot)
        }
        geometry.ticklishHolds[key] = drafts
        return drafts
    }

    /// Still holds at a few points spread over the patch (trigger points, broad still pressure).
    func holds(_ technique: Technique, seconds: Double) -> [StrokeDraft] {
        let spec = technique.spec
        let key = PassGeometry.Key(part: work.part, technique: technique)
        let places =
            geometry.holds[key]
            ?? [(0.3, 0.25), (0.7, 0.25), (0.5, 0.5), (0.3, 0.75), (0.7, 0.75)].map { (u, v) in
                place(work.patch.point(at: RegionCoordinate(u: u, v: v)), reach: spec.reach, broad: spec.isBroadAndFlat)
            }
        geometry.holds[key] = places
        return places.compactMap { place in
            let sample = sample(place)
            guard let level = sample.level else { return nil }
            return StrokeDraft(
                technique: technique, level: level, path: [place.point], speed: 0,
                holdMilliseconds: Int(seconds * 1000), adaptation: sample.adaptation)
        }
    }
}
