import UnknotCore

extension SessionEngine {
    static let travelPerTick = SafetyLimits.maximumTravelSpeed / 1_000
    static let fallPerTick = SafetyLimits.maximumForceFall / 1_000
    /// Speed factor on a part where the client laughed, and after "lighter and slower".
    static let ticklishSpeed = 0.6
    static let slowerSpeed = 0.7
    /// Planned tender spots and learned ones are worked this many levels lighter.
    static let tenderSpotReduction = 2

    /// The setpoint of this tick while the plan runs.
    mutating func playback() -> Setpoint {
        let strokes = plan.strokes
        if !lastSetpoint.contact { shiftReplay() }
        let time = planTime - timeOffset
        while cursor < strokes.count, strokes[cursor].endMilliseconds <= time {
            cursor += 1
            active.kind = .none
        }
        guard cursor < strokes.count else { return .lifted(at: position, face: face) }
        if active.slot != cursor || active.kind == .none { prepare(cursor) }
        if active.kind == .idle || time < active.slotStart { return travel(toward: active.start, face: active.face) }
        if active.contactStart == nil {
            if face != active.face || position.distance(to: active.start) > 0.05 {
                return travel(toward: active.start, face: active.face)
            }
            active.contactStart = time
            active.segment = 0
            active.keyframe = 0
        }
        let t = time - (active.contactStart ?? time)
        var force: Double
        var speed: Double
        if active.kind == .broadHold {
            position = active.start
            force = min(active.holdForce, Double(t) * SafetySupervisor.risePerTick)
            speed = 0
        } else {
            position = contactPosition(at: t)
            force = profileForce(at: t) * active.forceScale
            speed = strokes[active.source].speed * active.speedFactor
        }
        // Whatever the profile says, be back at zero force by the end of the slot, and take a
        // raised level in as smoothly as the rise limit allows (the supervisor holds it anyway).
        force = min(force, Double(active.slotEnd - time) * Self.fallPerTick)
        force = min(force, (lastSetpoint.contact ? lastSetpoint.normalForce : 0) + SafetySupervisor.risePerTick)
        if force <= 0 { return .lifted(at: position, face: face) }
        return Setpoint(
            contact: true, position: position, face: face, part: active.part, technique: active.technique,
            normalForce: force, speed: speed)
    }

    /// Between strokes (never mid-contact): starts a requested replay, loops it over the part's
    /// block, and ends it once its time is up, putting playback back on the plan's clock.
    mutating func shiftReplay() {
        if let pending = pendingReplay {
            pendingReplay = nil
            replay = (pending.blockStart, pending.blockEnd, planTime + pending.length)
            timeOffset = planTime - pending.blockStart
            reposition()
            return
        }
        guard let current = replay else { return }
        if planTime >= current.until {
            replay = nil
            timeOffset = 0
            reposition()
        } else if planTime - timeOffset >= current.blockEnd {
            timeOffset += current.blockEnd - current.blockStart
            reposition()
        }
    }

    /// Puts the stroke cursor at the first stroke not yet over at the playback time.
    mutating func reposition() {
        let time = planTime - timeOffset
        var low = 0
        var high = plan.strokes.count
        while low < high {
            let mid = (low + high) / 2
            if plan.strokes[mid].endMilliseconds <= time { low = mid + 1 } else { high = mid }
        }
        cursor = low
        active.kind = .none
    }

    /// Moves the lifted end effector toward `target` at the travel speed limit. A target on the
    /// other face means the client has turned over: the supervisor is told, and the arm's place
    /// is read on the new face's chart (mirrored: the client's right is now the station's left).
    mutating func travel(toward target: SurfacePoint, face targetFace: BodyFace) -> Setpoint {
        if face != targetFace {
            face = targetFace
            position = position.mirrored
            supervisor.clientLies(on: targetFace)
        }
        let distance = position.distance(to: target)
        if distance <= Self.travelPerTick {
            position = target
            return .lifted(at: position, face: face)
        }
        position = position.interpolated(to: target, Self.travelPerTick / distance)
        return .lifted(at: position, face: face, speed: SafetyLimits.maximumTravelSpeed)
    }

    /// The contact point `t` ms into the active stroke, walking the path with a cursor.
    mutating func contactPosition(at t: Int) -> SurfacePoint {
        let stroke = plan.strokes[active.source]
        let path = stroke.path
        guard path.count > 1, stroke.durationMilliseconds > 0 else { return path[0] }
        let lengths = tracks[active.source]
        let total = lengths[lengths.count - 1]
        let progress = min(1, Double(t) * active.speedFactor / Double(stroke.durationMilliseconds))
        let distance = total * progress
        var i = active.segment
        while i < lengths.count - 2, lengths[i + 1] < distance { i += 1 }
        active.segment = i
        let span = lengths[i + 1] - lengths[i]
        return span > 0 ? path[i].interpolated(to: path[i + 1], (distance - lengths[i]) / span) : path[i]
    }

    /// The planned force `t` ms into the active stroke, walking the keyframes with a cursor.
    mutating func profileForce(at t: Int) -> Double {
        let keys = plan.strokes[active.source].force
        guard let first = keys.first else { return 0 }
        if t <= first.milliseconds { return first.newtons }
        var i = active.keyframe
        while i < keys.count - 1, keys[i + 1].milliseconds < t { i += 1 }
        active.keyframe = i
        guard i < keys.count - 1 else { return keys[keys.count - 1].newtons }
        let a = keys[i]
        let b = keys[i + 1]
        let span = b.milliseconds - a.milliseconds
        return span == 0 ? b.newtons : a.newtons + (b.newtons - a.newtons) * Double(t - a.milliseconds) / Double(span)
    }

    /// Decides what plays in the time slot of planned stroke `i`.
    mutating func prepare(_ i: Int) {
        let stroke = plan.strokes[i]
        let slot = strokeSlots[i]
        active = ActiveStroke()
        active.slot = i
        active.slotStart = stroke.startMilliseconds
        active.slotEnd = stroke.endMilliseconds
        use(source: i, kind: .planned)
        if parts[slot].skipped {
            if let other = lastWorkedOtherSlot(than: slot),
                let donor = donor(from: other, fitting: stroke, broadOnly: false)
            {
                use(source: donor, kind: .substitute)
                active.why = "skipped area"
            } else {
                active.kind = .idle
            }
        } else if parts[slot].preferBroad, !stroke.technique.spec.isBroadAndFlat,
            let donor = donor(from: slot, fitting: stroke, broadOnly: true)
        {
            use(source: donor, kind: .substitute)
            active.why = "broad contact for ticklish skin"
        }
        guard active.kind != .idle else { return }
        if touchesLeftSpot(active.source) {
            if let donor = donor(from: active.partSlot, fitting: stroke, broadOnly: false) {
                use(source: donor, kind: .substitute)
                active.why = "spot left alone"
            } else {
                active.kind = .idle
                return
            }
        }
        if let spot = ticklish.first(where: { $0.count >= 2 && touches(active.source, $0) }) {
            holdStill(on: spot)
            return
        }
        resolveLevel()
    }

    /// Plays stroke `source` (its path, technique and force profile) in the current slot.
    mutating func use(source: Int, kind: ActiveStroke.Kind) {
        let stroke = plan.strokes[source]
        active.kind = kind
        active.source = source
        active.partSlot = strokeSlots[source]
        active.part = stroke.part
        active.face = stroke.face
        active.technique = stroke.technique
        active.start = stroke.path[0]
        active.contactStart = nil
        active.onTenderSpot = tender.contains { !$0.left && touches(source, $0) }
    }

    /// Replaces the slot with broad still pressure on a ticklish spot, or nothing if the
    /// broad contact would reach an area that must not be touched.
    mutating func holdStill(on spot: LearnedSpot) {
        // On the spot, or as close beside it as a broad contact can be without reaching the spine
        // or an area that must not be touched (sideways, within the part).
        let radius = Technique.broadStillPressure.spec.contactWidth / 2
        let patch = body.patch(for: spot.part)
        var center: SurfacePoint?
        for step in 0...16 {
            for direction in [1.0, -1.0] where step > 0 || direction > 0 {
                let p = SurfacePoint(x: spot.center.x + direction * Double(step) * 0.5, y: spot.center.y)
                if patch.contains(p), !supervisor.reachesForbiddenArea(p, radius: radius, on: spot.face) {
                    center = p
                    break
                }
            }
            if center != nil { break }
        }
        guard let center else {
            active.kind = .idle
            return
        }
        active.kind = .broadHold
        active.technique = .broadStillPressure
        active.start = center
        active.face = spot.face
        active.part = spot.part
        active.partSlot = spot.slot
        active.contactStart = nil
        active.why = "ticklish spot"
        resolveLevel()
    }

    /// The level and force scale of the active stroke under the client's current levels.
    mutating func resolveLevel() {
        let q = active.partSlot
        let cap = effectiveCap(q)
        if active.kind == .broadHold {
            active.level = cap
            active.holdForce = PressureScale.force(
                PressureLevel(clamping: cap), on: active.part.region, with: .broadStillPressure)
            active.speedFactor = 1
            return
        }
        let stroke = plan.strokes[active.source]
        var value = stroke.level.value + (parts[q].level - parts[q].baseLevel) + parts[q].firmer - globalDrop
        if active.onTenderSpot { value -= Self.tenderSpotReduction }
        value = min(max(1, value), cap)
        if stroke.adaptation == .endangermentZone { value = min(value, PressureLevel.lightMaximum.value) }
        if let felt = parts[q].lastFelt, value > felt {
            // The plan (or the client) raised the level: what was felt before is the last comfortable level.
            parts[q].comfortable = felt
            parts[q].raisedAt = now
        }
        active.level = value
        let planned = PressureScale.force(stroke.level, on: stroke.part.region, with: stroke.technique)
        let wanted = PressureScale.force(PressureLevel(clamping: value), on: stroke.part.region, with: stroke.technique)
        active.forceScale = planned > 0 ? wanted / planned : 0
        var speed = globalSpeed
        if parts[q].slower { speed = min(speed, Self.ticklishSpeed) }
        active.speedFactor = speed
    }

    /// The most a part gets now: the client's level (with ticklish firmness and tear-time
    /// lightening), within the pain limit, the screening, the region and any pain this session.
    func effectiveCap(_ q: Int) -> Int {
        min(max(1, parts[q].level + parts[q].firmer - globalDrop), supervisor.levelLimit[q], parts[q].painCap)
    }

    /// A stroke on part slot `q` to play in the slot of `stroke`, taken in turn so repeats vary:
    /// one that fits the slot if there is one, else one that the slot's end cuts short (its
    /// force is brought down in time by the end-of-slot ramp).
    mutating func donor(from q: Int, fitting stroke: Stroke, broadOnly: Bool) -> Int? {
        let candidates = strokesBySlot[q]
        guard !candidates.isEmpty else { return nil }
        for mustFit in [true, false] {
            for k in 0..<candidates.count {
                let index = candidates[(parts[q].donorCursor + k) % candidates.count]
                let donor = plan.strokes[index]
                guard donor.face == stroke.face else { continue }
                if mustFit, donor.durationMilliseconds > stroke.durationMilliseconds { continue }
                if broadOnly, !donor.technique.spec.isBroadAndFlat { continue }
                if touchesLeftSpot(index) { continue }
                parts[q].donorCursor = (parts[q].donorCursor + k + 1) % candidates.count
                return index
            }
        }
        return nil
    }

    /// The part most recently worked other than `q` that is not skipped.
    func lastWorkedOtherSlot(than q: Int) -> Int? {
        var i = min(cursor, plan.strokes.count - 1)
        while i >= 0 {
            let s = strokeSlots[i]
            if s != q, !parts[s].skipped { return s }
            i -= 1
        }
        return nil
    }

    /// Whether stroke `index`'s contact reaches a spot.
    func touches(_ index: Int, _ spot: LearnedSpot) -> Bool {
        let stroke = plan.strokes[index]
        guard stroke.face == spot.face else { return false }
        return spot.center.distance(toPath: stroke.path) < spot.radius + stroke.technique.spec.contactWidth / 2
    }

    func touchesLeftSpot(_ index: Int) -> Bool {
        for spot in tender where spot.left && touches(index, spot) { return true }
        for spot in ticklish where spot.left && touches(index, spot) { return true }
        return false
    }

    /// After a change of level, skip, spot or speed: re-decide the active stroke now, so the
    /// change acts on the very next tick.
    mutating func refreshActive() {
        guard active.kind != .none, active.slot >= 0 else { return }
        if active.contactStart == nil {
            active.kind = .none
            return
        }
        if parts[active.partSlot].skipped || touchesLeftSpotNow() {
            active.kind = .idle
            return
        }
        if active.kind != .broadHold {
            active.onTenderSpot = tender.contains { !$0.left && touches(active.source, $0) }
        }
        resolveLevel()
    }

    func touchesLeftSpotNow() -> Bool {
        let radius = active.technique.spec.contactWidth / 2
        for spot in tender where spot.left && spot.contains(position, face: face, within: spot.radius + radius) {
            return true
        }
        for spot in ticklish where spot.left && spot.contains(position, face: face, within: spot.radius + radius) {
            return true
        }
        return active.kind == .broadHold ? false : touchesLeftSpot(active.source)
    }
}
