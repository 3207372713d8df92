import UnknotCore
import UnknotSession

extension Episode {
    /// The adversary's moves between ticks: new targets, jumps, lies, levels, turns, spots,
    /// stops and attempts to clear a fault.
    mutating func stir(at now: Int, report: inout SupervisorAdversary.Report, keep: Int) {
        if chance(1.0 / 300) { pickTarget() }
        if chance(1.0 / 2_500) {
            position = target
            face = targetFace
        }
        if chance(1.0 / 500) { technique = Technique.allCases.randomElement(using: &rng) ?? .gliding }
        if chance(1.0 / 150) { pickLabel() }
        if chance(1.0 / 120) {
            forceTarget =
                chance(0.2) ? Double.random(in: 200...1_000, using: &rng) : Double.random(in: 0...150, using: &rng)
        }
        if chance(1.0 / 400) { contact = chance(0.85) }
        if chance(1.0 / 500), let part = BodyPartID.all.randomElement(using: &rng) {
            let level = PressureLevel(clamping: Int.random(in: 1...10, using: &rng))
            supervisor.setClientLevel(level, for: part)
            checker.setClientLevel(level, for: part)
        }
        if chance(1.0 / 6_000) {
            lyingOn = lyingOn == .posterior ? .anterior : .posterior
            supervisor.clientLies(on: lyingOn)
            checker.clientLies(on: lyingOn)
        }
        if chance(1.0 / 3_000) {
            let spot = SurfacePoint(
                x: position.x + Double.random(in: -6...6, using: &rng),
                y: position.y + Double.random(in: -6...6, using: &rng))
            let radius = Double.random(in: 1...6, using: &rng)
            supervisor.forbid(spotAt: spot, radius: radius, on: face)
            checker.forbid(spotAt: spot, radius: radius, on: face)
        }
        if releaseAt == nil, chance(1.0 / 9_000) {
            supervisor.emergencyStop()
            checker.emergencyStop()
            releaseAt = now + Int.random(in: 200...3_000, using: &rng)
        }
        if let at = releaseAt, now >= at {
            supervisor.releaseEmergencyStop()
            checker.releaseEmergencyStop()
            releaseAt = nil
        }
        if supervisor.fault != nil, now % 250 == 0 || chance(1.0 / 100) {
            let cleared = supervisor.clearFault(at: now)
            let problems = checker.clearFault(at: now, cleared: cleared)
            if report.violations.count < keep { report.violations.append(contentsOf: problems) }
        }
    }

    /// A new place to head for, somewhere an attacker would choose.
    mutating func pickTarget() {
        targetFace = chance(0.85) ? lyingOn : (lyingOn == .posterior ? .anterior : .posterior)
        let face = targetFace
        let patches = body.patches.filter { $0.face == face }
        switch Int.random(in: 0..<10, using: &rng) {
        case 0, 1, 2, 3:
            if let patch = patches.randomElement(using: &rng) {
                target = patch.point(
                    at: RegionCoordinate(
                        u: Double.random(in: 0...1, using: &rng), v: Double.random(in: 0...1, using: &rng)))
            }
        case 4:
            // A patch's edge, where two parts' limits meet.
            if let patch = patches.randomElement(using: &rng) {
                let u: Double = chance(0.5) ? 0 : 1
                target = patch.point(at: RegionCoordinate(u: u, v: Double.random(in: 0...1, using: &rng)))
            }
        case 5, 6:
            if let zone = body.zones.filter({ $0.face == face }).randomElement(using: &rng),
                let vertex = zone.shape.vertices.randomElement(using: &rng)
            {
                let c = SurfacePoint(
                    x: (zone.shape.minX + zone.shape.maxX) / 2, y: (zone.shape.minY + zone.shape.maxY) / 2)
                target = c.interpolated(to: vertex, Double.random(in: 0...1.3, using: &rng))
            }
        case 7:
            target = SurfacePoint(
                x: Double.random(in: -2...2, using: &rng),
                y: Double.random(in: 0...(0.6 * body.measurements.height), using: &rng))
        default:
            target = SurfacePoint(
                x: Double.random(in: -80...80, using: &rng),
                y: Double.random(in: -10...(body.measurements.height + 10), using: &rng))
        }
        step =
            chance(0.05)
            ? Double.random(in: SafetySupervisor.contactStep...0.08, using: &rng)
            : Double.random(in: 0.001...0.0105, using: &rng)
    }

    /// An honest label half the time, a lie the other half.
    mutating func pickLabel() {
        if chance(0.5) {
            let p = position
            let face = self.face
            label = body.patches.first { $0.face == face && $0.contains(p) }?.part
        } else {
            label = chance(0.9) ? BodyPartID.all.randomElement(using: &rng) : nil
        }
    }

    /// The arm's sensor frame for this tick, or `nil` in a dropout.
    mutating func frame(at now: Int) -> SensorFrame? {
        let tau = armContact ? 15.0 : 8.0
        armForce += (armForceTarget - armForce) / tau
        if now < dropoutUntil { return nil }
        if chance(1.0 / 5_000) {
            dropoutUntil = now + Int.random(in: 5...200, using: &rng)
            return nil
        }
        if chance(1.0 / 6_000) { robotFaultUntil = now + Int.random(in: 1...600, using: &rng) }
        var measured = armForce + rng.nextGaussian(deviation: 0.3)
        var stiffness = armContact ? 8 + rng.nextGaussian(deviation: 0.5) : 0
        if chance(1.0 / 3_000) { measured += Double.random(in: 150...400, using: &rng) }
        // A bump (the table jolted, the client moving): above the bump limit, below or above the ceiling.
        if armContact, chance(1.0 / 2_000) { measured += Double.random(in: 20...300, using: &rng) }
        if chance(1.0 / 10_000) { measured = -20 }
        if !armContact, chance(1.0 / 5_000) { measured += 30 }
        if chance(1.0 / 25_000) { measured = [Double.nan, .infinity, -.infinity].randomElement(using: &rng) ?? .nan }
        if chance(1.0 / 25_000) { stiffness = chance(0.5) ? -3 : .nan }
        let status: RobotStatus = now < robotFaultUntil ? .fault(code: 7) : .ready
        return SensorFrame(measuredForce: measured, tissueStiffness: stiffness, status: status)
    }

    /// The setpoint the adversary asks for this tick.
    mutating func propose() -> Setpoint {
        let rise = chance(0.02) ? Double.random(in: 0...200, using: &rng) : 0.05
        force = force < forceTarget ? min(forceTarget, force + rise) : max(forceTarget, force - 0.2)
        var setpoint = Setpoint(
            contact: contact, position: position, face: face, part: label, technique: chance(0.001) ? nil : technique,
            normalForce: force, speed: Double.random(in: -1...25, using: &rng))
        if chance(1.0 / 30_000) {
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: setpoint.position.x = .nan
            case 1: setpoint.position.y = .infinity
            case 2: setpoint.normalForce = .nan
            default: setpoint.speed = -.infinity
            }
        }
        return setpoint
    }

    /// Moves the adversary's contact toward its target.
    mutating func move() {
        if face != targetFace {
            // Turning the contact to the other face keeps its place over the table.
            face = targetFace
            position = position.mirrored
        }
        let distance = position.distance(to: target)
        position = distance <= step ? target : position.interpolated(to: target, step / distance)
    }
}
