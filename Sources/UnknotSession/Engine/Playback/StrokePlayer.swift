import UnknotCore

/// The playback subsystem: plays the plan's strokes on the body at the client's current
/// levels, one setpoint a tick, and moves the lifted arm between them.
///
/// Inputs each tick: the plan's clock, the last setpoint the robot got, the client's levels
/// (``ClientLevels``), the spots learned (``LearnedSpots``) and the supervisor's forbidden areas.
/// Output: the proposed setpoint (the supervisor filters it), and ``face``, the face the client
/// lies on. State: the stroke cursor, the stroke in play (``ActiveStroke``), the arm's place,
/// "more time here" replays, and which stand-in stroke each part gives next.
///
/// Guarantees: a stroke starts only where the arm is (it travels there lifted first); force is
/// back to zero by the end of every stroke's time slot; a raised level comes in no faster than
/// the supervisor's rise limit; a quiet tick allocates nothing.
struct StrokePlayer: Sendable {
    let plan: SessionPlan
    /// Per stroke: the cumulative length of its path at each point, cm.
    let tracks: [[Double]]
    /// What plays in each slot.
    private var choice: StrokeChoice
    /// The first stroke not yet over at the playback time.
    private(set) var cursor = 0
    /// The stroke in play.
    private(set) var active = ActiveStroke()
    /// Where the end effector is, on the chart of ``face``.
    private(set) var position: SurfacePoint
    /// The face the client lies on (the face the arm works).
    private(set) var face: BodyFace
    /// "More time here": the part's block of the plan replayed until `until` (plan time);
    /// playback runs `timeOffset` behind the plan's clock meanwhile, so the minute comes out of
    /// what follows and the session keeps its length.
    private var replay: (blockStart: Int, blockEnd: Int, until: Int)?
    private var pendingReplay: (blockStart: Int, blockEnd: Int, length: Int)?
    private var timeOffset = 0

    static let travelPerTick = SafetyLimits.maximumTravelSpeed / 1_000
    static let fallPerTick = SafetyLimits.maximumForceFall / 1_000

    init(plan: SessionPlan, body: BodyModel) {
        self.plan = plan
        choice = StrokeChoice(plan: plan, body: body)
        tracks = plan.strokes.map { stroke in
            var lengths = [0.0]
            lengths.reserveCapacity(stroke.path.count)
            for (a, b) in zip(stroke.path, stroke.path.dropFirst()) {
                lengths.append((lengths.last ?? 0) + a.distance(to: b))
            }
            return lengths
        }
        let first = plan.strokes.first
        position = first?.path[0] ?? SurfacePoint(x: 0, y: 0)
        face = first?.face ?? .posterior
    }

    /// The arm lifted where it is.
    var lifted: Setpoint { .lifted(at: position, face: face) }

    /// Whether a planned stroke or its stand-in holds the current time slot.
    var isPlayingStroke: Bool { active.kind == .planned || active.kind == .substitute }

    /// Puts the cursor at the first stroke not over at `planTime` (a resumed session).
    mutating func start(atPlanTime planTime: Int) {
        cursor = plan.strokes.firstIndex { $0.endMilliseconds > planTime } ?? plan.strokes.count
    }

    /// While the client settles in: the lifted arm moves to where the first stroke starts.
    mutating func approach() -> Setpoint {
        let next = cursor < plan.strokes.count ? plan.strokes[cursor] : plan.strokes.last
        return travel(toward: next?.path[0] ?? position, face: next?.face ?? face)
    }

    // MARK: - Changes from outside

    /// Forgets the stroke in play; the next tick decides afresh (after a fault clears).
    mutating func reset() { active.kind = .none }

    /// Part slot `q` is skipped: the arm leaves it now.
    mutating func leave(_ q: Int) {
        if active.partSlot == q { active.kind = active.contactStart != nil ? .idle : .none }
    }

    /// A spot was left alone under the arm: nothing plays for the rest of the slot.
    mutating func stop() { active.kind = .idle }

    /// Replays a part's block of the plan for `length` ms, starting between strokes.
    mutating func requestReplay(blockStart: Int, blockEnd: Int, length: Int) {
        pendingReplay = (blockStart, blockEnd, length)
    }

    /// Broad still pressure on a ticklish spot for the rest of the slot, starting afresh.
    mutating func holdStill(on spot: LearnedSpot, levels: inout ClientLevels, supervisor: SafetySupervisor, at now: Int)
    {
        choice.hold(&active, on: spot, levels: &levels, supervisor: supervisor, at: now)
        active.contactStart = nil
    }

    /// After a change of level, skip, spot or speed: re-decides the stroke in play now, so the
    /// change acts on the very next tick.
    mutating func refresh(levels: inout ClientLevels, spots: LearnedSpots, at now: Int) {
        guard active.kind != .none, active.slot != nil else { return }
        if active.contactStart == nil {
            active.kind = .none
            return
        }
        if levels.parts[active.partSlot].skipped || touchesLeftSpotNow(spots) {
            active.kind = .idle
            return
        }
        if active.kind != .broadHold, let source = active.source {
            active.onTenderSpot = spots.touchesTenderSpot(plan.strokes[source])
        }
        choice.resolveLevel(&active, levels: &levels, at: now)
    }

    private func touchesLeftSpotNow(_ spots: LearnedSpots) -> Bool {
        if spots.reachesLeftSpot(position, face: face, radius: active.technique.spec.contactWidth / 2) { return true }
        guard active.kind != .broadHold, let source = active.source else { return false }
        return spots.touchesLeftSpot(plan.strokes[source])
    }
}

extension StrokePlayer {
    // MARK: - Playing

    /// The setpoint of this tick while the plan runs, `planTime` ms into the plan.
    mutating func next(
        planTime: Int, last: Setpoint, levels: inout ClientLevels, spots: LearnedSpots, supervisor: SafetySupervisor,
        at now: Int
    ) -> Setpoint {
        let strokes = plan.strokes
        if !last.contact { shiftReplay(planTime: planTime) }
        let time = planTime - timeOffset
        while cursor < strokes.count, strokes[cursor].endMilliseconds <= time {
            cursor += 1
            active.kind = .none
        }
        guard cursor < strokes.count else { return lifted }
        if active.slot != cursor || active.kind == .none {
            active = choice.choose(
                cursor, cursor: cursor, levels: &levels, spots: spots, supervisor: supervisor, at: now)
        }
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
        } else if let source = active.source {
            position = contactPosition(of: source, at: t)
            force = profileForce(of: source, at: t) * active.forceScale
            speed = strokes[source].speed * active.speedFactor
        } else {
            return lifted
        }
        // Whatever the profile says, be back at zero force by the end of the slot, and take a
        // raised level in as smoothly as the rise limit allows (the supervisor holds it anyway).
        force = min(force, Double(active.slotEnd - time) * Self.fallPerTick)
        force = min(force, (last.contact ? last.normalForce : 0) + SafetySupervisor.risePerTick)
        if force <= 0 { return lifted }
        return Setpoint(
            contact: true, position: position, face: face, part: active.part, technique: active.technique,
            normalForce: force, speed: speed)
    }

    /// Between strokes (never mid-contact): starts a requested replay, loops it over the part's
    /// block, and ends it once its time is up, putting playback back on the plan's clock.
    private mutating func shiftReplay(planTime: Int) {
        if let pending = pendingReplay {
            pendingReplay = nil
            replay = (pending.blockStart, pending.blockEnd, planTime + pending.length)
            timeOffset = planTime - pending.blockStart
            reposition(planTime: planTime)
            return
        }
        guard let current = replay else { return }
        if planTime >= current.until {
            replay = nil
            timeOffset = 0
            reposition(planTime: planTime)
        } else if planTime - timeOffset >= current.blockEnd {
            timeOffset += current.blockEnd - current.blockStart
            reposition(planTime: planTime)
        }
    }

    /// Puts the stroke cursor at the first stroke not yet over at the playback time.
    private mutating func reposition(planTime: Int) {
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
    /// other face means the client has turned over: ``face`` changes (the engine tells the
    /// supervisor), and the arm's place is read on the new face's chart (mirrored: the client's
    /// right is now the station's left).
    mutating func travel(toward target: SurfacePoint, face targetFace: BodyFace) -> Setpoint {
        if face != targetFace {
            face = targetFace
            position = position.mirrored
        }
        let distance = position.distance(to: target)
        if distance <= Self.travelPerTick {
            position = target
            return lifted
        }
        position = position.interpolated(to: target, Self.travelPerTick / distance)
        return .lifted(at: position, face: face, speed: SafetyLimits.maximumTravelSpeed)
    }

    /// The contact point `t` ms into stroke `source`, walking the path with a cursor.
    private mutating func contactPosition(of source: Int, at t: Int) -> SurfacePoint {
        let stroke = plan.strokes[source]
        let path = stroke.path
        guard path.count > 1, stroke.durationMilliseconds > 0 else { return path[0] }
        let lengths = tracks[source]
        let total = lengths[lengths.count - 1]
        let progress = min(1, Double(t) * active.speedFactor / Double(stroke.durationMilliseconds))
        let distance = total * progress
        var i = active.segment
        while i < lengths.count - 2, lengths[i + 1] < distance { i += 1 }
        active.segment = i
        let span = lengths[i + 1] - lengths[i]
        return span > 0 ? path[i].interpolated(to: path[i + 1], (distance - lengths[i]) / span) : path[i]
    }

    /// The planned force `t` ms into stroke `source`, walking the keyframes with a cursor.
    private mutating func profileForce(of source: Int, at t: Int) -> Double {
        let keys = plan.strokes[source].force
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
}
