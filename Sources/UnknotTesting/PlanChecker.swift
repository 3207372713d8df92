import UnknotCore

/// Checks a session plan against the promises the planner makes, independently of how the
/// planner works, and lists every violation found. Used by the property tests.
public struct PlanChecker: Sendable {
    public let body: BodyModel
    public let carePlan: CarePlan
    public let screening: ScreeningOutcome

    /// Parts no contact may reach: avoided by the client or the screening, sensitive and not
    /// opted in, or ticklish all over when the client skips ticklish spots.
    public let forbidden: [(part: BodyPartID, outline: SurfacePolygon)]

    public init(body: BodyModel, carePlan: CarePlan, screening: ScreeningOutcome) {
        self.body = body
        self.carePlan = carePlan
        self.screening = screening
        forbidden = BodyPartID.all.filter { part in
            carePlan.isAvoided(part) || !carePlan.consents(to: part.region)
                || screening.avoidAreas.contains { $0.area.contains(part) }
                || (carePlan.skipTicklishSpots
                    && carePlan.ticklishSpots.contains { $0.at == nil && $0.area.contains(part) })
        }.map { ($0, body.patch(for: $0).outline) }
    }

    /// Every violation of the plan's guarantees, in words.
    public func violations(_ plan: SessionPlan) -> [String] {
        var found: [String] = []
        if plan.durationMilliseconds != plan.minutes * 60_000 {
            found.append("plan lasts \(plan.durationMilliseconds) ms, booked \(plan.minutes) min")
        }
        if plan.phases.map(\.durationMilliseconds).reduce(0, +) != plan.durationMilliseconds {
            found.append("phases do not add up to the plan's length")
        }
        var previousEnd = 0
        var previous: Stroke?
        for (i, s) in plan.strokes.enumerated() {
            let name = "stroke \(i) (\(s.technique.rawValue) on \(s.part))"
            if s.startMilliseconds < previousEnd { found.append("\(name) overlaps the one before") }
            if let previous, let from = previous.path.last, let to = s.path.first {
                // Time to lift, travel with contact lifted and set down again.
                let gap = s.startMilliseconds - previous.endMilliseconds
                let travel =
                    previous.face == s.face ? from.distance(to: to) / SafetyLimits.maximumTravelSpeed * 1000 : 0
                if Double(gap) < max(Double(SafetyLimits.minimumLiftMilliseconds), travel) {
                    found.append("\(name) starts \(gap) ms after the one before, too soon to lift and move")
                }
            }
            previousEnd = s.endMilliseconds
            previous = s
            if s.endMilliseconds > plan.durationMilliseconds { found.append("\(name) ends after the session") }
            if s.durationMilliseconds <= 0 { found.append("\(name) has no duration") }
            found += forceViolations(s, name: name)
            found += placeViolations(s, name: name)
            if !s.technique.spec.holdsStill && !SafetyLimits.strokeSpeed.contains(s.speed) {
                found.append("\(name) moves at \(s.speed) cm/s, outside 1-10")
            }
            if s.technique == .gliding, let first = s.path.first, let last = s.path.last,
                abs(last.y - body.landmarks.heart) > abs(first.y - body.landmarks.heart) + 1e-9
            {
                found.append("\(name) glides away from the heart")
            }
        }
        return found
    }

    func forceViolations(_ s: Stroke, name: String) -> [String] {
        var found: [String] = []
        let allowed = min(
            carePlan.preferredLevel(for: s.part), carePlan.painLimit, screening.levelCap, s.part.region.maximumLevel)
        if s.level > allowed { found.append("\(name) at level \(s.level) above the allowed \(allowed)") }
        let ceiling = PressureScale.ceiling(on: s.part.region, with: s.technique)
        let levelForce = PressureScale.force(allowed, on: s.part.region)
        guard let first = s.force.first, let last = s.force.last else { return ["\(name) has no force profile"] }
        if first.newtons != 0 || last.newtons != 0 { found.append("\(name) does not start and end without contact") }
        if last.milliseconds != s.durationMilliseconds {
            found.append("\(name) force profile is not as long as the stroke")
        }
        for k in s.force {
            if k.newtons > ceiling + 1e-9 {
                found.append("\(name) force \(k.newtons) N above the ceiling \(ceiling) N")
            }
            if k.newtons > levelForce + 1e-9 { found.append("\(name) force \(k.newtons) N above level \(allowed)") }
        }
        for (a, b) in zip(s.force, s.force.dropFirst()) {
            let dt = Double(b.milliseconds - a.milliseconds) / 1000
            if dt < 0 { found.append("\(name) force keyframes out of order") }
            let dF = b.newtons - a.newtons
            if dF > 0 && (dt == 0 || dF / dt > SafetyLimits.maximumForceRise + 1e-6) {
                found.append("\(name) force rises \(dF) N in \(dt) s")
            }
            if dF < 0 && (dt == 0 || -dF / dt > SafetyLimits.maximumForceFall + 1e-6) {
                found.append("\(name) force falls \(-dF) N in \(dt) s")
            }
        }
        return found
    }

    func placeViolations(_ s: Stroke, name: String) -> [String] {
        var found: [String] = []
        if carePlan.isAvoided(s.part) { found.append("\(name) touches an avoided area") }
        if !carePlan.consents(to: s.part.region) { found.append("\(name) touches an unconsented sensitive area") }
        if screening.avoidAreas.contains(where: { $0.area.contains(s.part) }) {
            found.append("\(name) touches an area the screening avoids")
        }
        let spec = s.technique.spec
        let radius = spec.contactWidth / 2
        let nearby = forbidden.filter { $0.part.region.face == s.face }
        for p in densePath(s.path) {
            for (part, outline) in nearby
            where outline.overlaps(diskAt: p, radius: radius - 1e-6) {
                found.append("\(name) reaches onto the \(part), which must not be touched, at (\(p.x), \(p.y))")
            }
            for zone in body.zones
            where zone.face == s.face && zone.shape.overlaps(diskAt: p, radius: radius - 1e-6) {
                if zone.kind.forbidsContact {
                    found.append("\(name) touches the spine at (\(p.x), \(p.y))")
                } else if !spec.isBroadAndFlat {
                    found.append("\(name) is point or narrow pressure in the \(zone.kind.rawValue)")
                } else if s.level > .lightMaximum {
                    found.append("\(name) is above light pressure in the \(zone.kind.rawValue)")
                }
            }
            if found.count > 5 { break }
        }
        return found
    }

    /// The path with extra points every 0.25 cm, so that checks see between the samples.
    public func densePath(_ path: [SurfacePoint]) -> [SurfacePoint] {
        guard path.count > 1 else { return path }
        var out: [SurfacePoint] = []
        for (a, b) in zip(path, path.dropFirst()) {
            let n = max(1, Int((a.distance(to: b) / 0.25).rounded(.up)))
            for i in 0..<n { out.append(a.interpolated(to: b, Double(i) / Double(n))) }
        }
        out.append(path[path.count - 1])
        return out
    }

    /// Points of a planned part's patch that no stroke on it reaches, leaving out ticklish
    /// spots the client asked to skip. Sampled on a 1.5 cm grid. A point counts as reached
    /// within half a millimetre: lanes are sampled every centimetre, so along a curved patch
    /// edge the chord between two samples can sit a few micrometres inside the curve.
    public static let coverageTolerance = 0.05

    public func uncovered(_ part: BodyPartID, in plan: SessionPlan) -> [SurfacePoint] {
        let patch = body.patch(for: part)
        let strokes = plan.strokes.filter { $0.part == part }
        let contacts: [(path: [SurfacePoint], radius: Double)] = strokes.map {
            ($0.path, $0.technique.spec.contactWidth / 2)
        }
        let skipped: [(SurfacePoint, Double)] =
            carePlan.skipTicklishSpots
            ? carePlan.ticklishSpots.compactMap { spot in
                body.spotCircle(spot).flatMap { $0.face == patch.face ? ($0.center, $0.radius + 18) : nil }
            } : []
        // Skin right beside an area that must not be touched can only be reached by a contact
        // that stays a full contact-radius away from it; lanes and pads that meet that edge stop
        // there, so the strip within two reaches of the broadest covering contact (the still pad
        // of ticklish skin) plus the sampling slack is not required.
        let untouchable = forbidden.filter { $0.part.region.face == patch.face }.map(\.outline)
        let beside = 2 * Technique.broadStillPressure.spec.reach + 1.5
        var missing: [SurfacePoint] = []
        var y = patch.top
        while y <= patch.bottom {
            if let r = patch.xRange(at: y) {
                var x = r.min
                while x <= r.max {
                    let p = SurfacePoint(x: x, y: y)
                    let reached = contacts.contains {
                        p.distance(toPath: $0.path) <= $0.radius + Self.coverageTolerance
                    }
                    let skip =
                        skipped.contains { $0.0.distance(to: p) < $0.1 }
                        || untouchable.contains { $0.isWithin(beside, of: p) }
                    if !reached && !skip { missing.append(p) }
                    x += 1.5
                }
            }
            y += 1.5
        }
        return missing
    }
}
