import UnknotCore

extension SafetySupervisor {
    /// The setpoint the robot may actually receive for this tick (see the type's guarantees).
    public mutating func filter(_ proposed: Setpoint, at now: Int) -> Setpoint {
        if fault == nil, now - lastSensorAt >= Self.watchdogMilliseconds, !disabledGuards.contains(.watchdog) {
            fault = .sensorDropout(milliseconds: now - lastSensorAt)
        }
        if let defect = SetpointDefect.of(proposed), !disabledGuards.contains(.finiteValues) {
            interventions.invalidSetpoints += 1
            softwareFault = softwareFault ?? defect
            if fault == nil { fault = .invalidSetpoint(defect) }
        }
        if fault != nil, !disabledGuards.contains(.faultHold) {
            if proposed.contact || proposed.normalForce > 0 { interventions.heldLifted += 1 }
            return send(lastOutput.liftedOff, at: now)
        }
        if let bumpedAt, now - bumpedAt < SafetyLimits.bumpHoldMilliseconds, !disabledGuards.contains(.bumpLift) {
            if proposed.contact || proposed.normalForce > 0 { interventions.bumpLifted += 1 }
            return send(lastOutput.liftedOff, at: now)
        }
        var out = proposed
        out.speed = min(
            max(0, out.speed), out.contact ? SafetyLimits.strokeSpeed.upperBound : SafetyLimits.maximumTravelSpeed)
        let step = Self.stationDistance(lastOutput.position, lastOutput.face, out.position, out.face)
        guard out.contact, out.normalForce > 0, let technique = out.technique else {
            return send(travel(toward: out, step: step), at: now)
        }
        if step > Self.contactStep, !disabledGuards.contains(.noJumps) {
            interventions.jumpLifted += 1
            return send(travel(toward: out, step: step), at: now)
        }
        if out.face != lyingOn, !disabledGuards.contains(.lyingFace) {
            interventions.wrongFace += 1
            return send(out.liftedOff, at: now)
        }
        let radius = technique.spec.contactWidth / 2
        let location = locate(out.position, radius: radius, on: out.face)
        guard
            let onPart = location.containing.first ?? location.covered.first
                ?? (disabledGuards.contains(.onBody) ? 0 : nil)
        else {
            interventions.offBody += 1
            return send(out.liftedOff, at: now)
        }
        if contactReachesForbiddenArea(out.position, radius: radius, on: out.face),
            !disabledGuards.contains(.forbiddenAreas)
        {
            interventions.forbiddenContact += 1
            return send(out.liftedOff, at: now)
        }
        if technique.spec.isPointPressure,
            contactReachesZone(out.position, radius: radius, on: out.face),
            !disabledGuards.contains(.zones)
        {
            interventions.pointPressureInZone += 1
            return send(out.liftedOff, at: now)
        }
        // The label is only a label: the output names a part the contact is really on.
        let labelIsTrue = out.part.map { location.covered.contains(slot: PartSlot.of($0)) } ?? false
        if !labelIsTrue { out.part = PartSlot.part(onPart) }
        let limits = strictest(location.covered, technique, labelled: proposed.part)
        if out.normalForce > limits.allowed, !disabledGuards.contains(.forceLimit) {
            if out.normalForce > limits.allowed + 1e-6 { interventions.forceClamped += 1 }
            out.normalForce = limits.allowed
        }
        let previous = lastOutput.contact ? lastOutput.normalForce : 0
        if out.normalForce > previous + Self.risePerTick, !disabledGuards.contains(.riseLimit) {
            if out.normalForce > previous + Self.risePerTick + 1e-6 { interventions.riseLimited += 1 }
            out.normalForce = previous + Self.risePerTick
        }
        contactCeiling = limits.ceiling
        return send(out, at: now)
    }

    /// The lifted setpoint that moves from the last output toward `target` by at most
    /// ``travelStep`` (a longer move is cut short, in the station frame, on `target`'s face).
    func travel(toward target: Setpoint, step: Double) -> Setpoint {
        var out = target.liftedOff
        out.part = nil
        out.speed = min(max(0, out.speed), SafetyLimits.maximumTravelSpeed)
        guard step > Self.travelStep, !disabledGuards.contains(.travelLimit) else { return out }
        let (fromX, fromY) = Self.stationPoint(lastOutput.position, lastOutput.face)
        let (toX, toY) = Self.stationPoint(target.position, target.face)
        let t = Self.travelStep / step * (1 - 1e-9)
        let x = fromX + (toX - fromX) * t
        out.position = SurfacePoint(x: target.face == .posterior ? x : -x, y: fromY + (toY - fromY) * t)
        return out
    }

    /// Keeps what the robot receives: its position for the next step, when it left the skin.
    private mutating func send(_ out: Setpoint, at now: Int) -> Setpoint {
        if lastOutput.contact, !out.contact { liftedAt = now }
        bumpReference = SafetyLimits.bumpReference(
            previous: bumpReference, commanded: out.contact ? out.normalForce : 0)
        lastOutput = out
        return out
    }

    /// Where a disk is on the body, from the cache while the centre stays within its margin.
    mutating func locate(_ centre: SurfacePoint, radius: Double, on face: BodyFace) -> ContactAtlas.Location {
        if let cached = located, cached.face == face, cached.radius == radius,
            cached.center.distance(to: centre) < cached.location.margin
        {
            return cached.location
        }
        let location = atlas.locate(centre, radius: radius - Self.edgeTolerance, on: face, memo: &atlasMemo)
        located = (centre, face, radius, location)
        return location
    }

    /// The filter's own ``reachesForbiddenArea(_:radius:on:)``: the same answer, measured again
    /// only when the remembered clearance could have run out.
    mutating func contactReachesForbiddenArea(_ point: SurfacePoint, radius: Double, on face: BodyFace) -> Bool {
        let r = radius - Self.edgeTolerance
        if forbiddenClearance.isSurelyClear(point, radius: r, on: face) { return false }
        var clearance = Double.infinity
        for area in forbidden where area.face == face {
            clearance = min(clearance, AreaClearance.clearance(of: point, radius: r, from: area.shape))
        }
        forbiddenClearance.remember(clearance, at: point, radius: r, on: face)
        return clearance < 0
    }

    /// The filter's own ``reachesEndangermentZone(_:radius:on:)``: the same answer, measured
    /// again only when needed.
    mutating func contactReachesZone(_ point: SurfacePoint, radius: Double, on face: BodyFace) -> Bool {
        let r = radius - Self.edgeTolerance
        if zoneClearance.isSurelyClear(point, radius: r, on: face) { return false }
        var clearance = Double.infinity
        for zone in zones where zone.face == face {
            clearance = min(clearance, AreaClearance.clearance(of: point, radius: r, from: zone.shape))
        }
        zoneClearance.remember(clearance, at: point, radius: r, on: face)
        return clearance < 0
    }

    /// The allowed force and the ceiling of a contact covering `covered`: the strictest part's.
    private func strictest(_ covered: PartMask, _ technique: Technique, labelled: BodyPartID?) -> (
        allowed: Double, ceiling: Double
    ) {
        var allowed = Double.infinity
        var ceiling = Double.infinity
        let t = technique.ordinal
        if disabledGuards.contains(.positionDecidesLimits), let labelled {
            let i = PartSlot.of(labelled) * Technique.count + t
            return (levelForces[i], ceilings[i])
        }
        covered.forEach { slot in
            allowed = min(allowed, levelForces[slot * Technique.count + t])
            ceiling = min(ceiling, ceilings[slot * Technique.count + t])
        }
        return (allowed, ceiling)
    }

    /// A chart point in the station frame's plane: the client's right is the station's left
    /// when they lie on their back (``BodyModel/position(at:face:)``).
    static func stationPoint(_ p: SurfacePoint, _ face: BodyFace) -> (Double, Double) {
        (face == .posterior ? p.x : -p.x, p.y)
    }

    static func stationDistance(_ a: SurfacePoint, _ aFace: BodyFace, _ b: SurfacePoint, _ bFace: BodyFace) -> Double {
        let (ax, ay) = stationPoint(a, aFace)
        let (bx, by) = stationPoint(b, bFace)
        let dx = bx - ax
        let dy = by - ay
        return (dx * dx + dy * dy).squareRoot()
    }
}
