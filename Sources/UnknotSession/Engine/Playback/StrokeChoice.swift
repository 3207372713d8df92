import UnknotCore

/// What plays in each time slot of the plan, part of playback (``StrokePlayer``): the planned
/// stroke, a stand-in for it (a skipped area, broad contact for ticklish skin, a spot left
/// alone), a broad still hold on a ticklish spot, or nothing; and at which level and speed.
///
/// Inputs: the slot, the client's levels, the spots learned, the supervisor's forbidden areas.
/// Output: the ``ActiveStroke``. State: which stand-in each part gives next, so repeats vary.
/// Guarantees: never a stroke that reaches a spot left alone; never a level above the part's
/// cap; on an endangerment-zone stroke never above light pressure.
struct StrokeChoice: Sendable {
    let plan: SessionPlan
    let body: BodyModel
    /// Per stroke: its part slot.
    let strokeSlots: [Int]
    /// Per part slot: its strokes, in plan order.
    let strokesBySlot: [[Int]]
    /// Per part slot: where its next stand-in stroke is taken from, among its strokes.
    private var donorCursors: [Int]

    /// Speed factor on a part where the client laughed.
    static let ticklishSpeed = 0.6
    /// Planned tender spots and learned ones are worked this many levels lighter.
    static let tenderSpotReduction = 2

    init(plan: SessionPlan, body: BodyModel) {
        self.plan = plan
        self.body = body
        strokeSlots = plan.strokes.map { PartSlot.of($0.part) }
        var bySlot = Array(repeating: [Int](), count: PartSlot.count)
        for (i, slot) in strokeSlots.enumerated() { bySlot[slot].append(i) }
        strokesBySlot = bySlot
        donorCursors = Array(repeating: 0, count: PartSlot.count)
    }

    /// What plays in the time slot of planned stroke `i`, the playback cursor being at `cursor`.
    mutating func choose(
        _ i: Int, cursor: Int, levels: inout ClientLevels, spots: LearnedSpots, supervisor: SafetySupervisor,
        at now: Int
    ) -> ActiveStroke {
        let stroke = plan.strokes[i]
        let slot = strokeSlots[i]
        var active = ActiveStroke()
        active.slot = i
        active.slotStart = stroke.startMilliseconds
        active.slotEnd = stroke.endMilliseconds
        use(source: i, kind: .planned, in: &active, spots: spots)
        let part = levels.parts[slot]
        if part.skipped {
            active.why = "skipped area"
            if let other = standInSlot(for: slot, cursor: cursor, levels: levels),
                let donor = donor(from: other, fitting: stroke, broadOnly: false, spots: spots)
            {
                use(source: donor, kind: .substitute, in: &active, spots: spots)
            } else {
                active.kind = .idle
            }
        } else if part.preferBroad, !stroke.technique.spec.isBroadAndFlat,
            let donor = donor(from: slot, fitting: stroke, broadOnly: true, spots: spots)
        {
            use(source: donor, kind: .substitute, in: &active, spots: spots)
            active.why = "broad contact for ticklish skin"
        }
        guard active.kind != .idle, let source = active.source else { return active }
        if spots.touchesLeftSpot(plan.strokes[source]) {
            if let donor = donor(from: active.partSlot, fitting: stroke, broadOnly: false, spots: spots) {
                use(source: donor, kind: .substitute, in: &active, spots: spots)
                active.why = "spot left alone"
            } else {
                active.kind = .idle
                active.why = "spot left alone"
                return active
            }
        }
        if let source = active.source, let spot = spots.ticklishSpotLaughedTwice(on: plan.strokes[source]) {
            hold(&active, on: spot, levels: &levels, supervisor: supervisor, at: now)
            return active
        }
        resolveLevel(&active, levels: &levels, at: now)
        return active
    }

    /// Plays stroke `source` (its path, technique and force profile) in the current slot.
    private func use(source: Int, kind: ActiveStroke.Kind, in active: inout ActiveStroke, spots: LearnedSpots) {
        let stroke = plan.strokes[source]
        active.kind = kind
        active.source = source
        active.partSlot = strokeSlots[source]
        active.part = stroke.part
        active.face = stroke.face
        active.technique = stroke.technique
        active.start = stroke.path[0]
        active.contactStart = nil
        active.onTenderSpot = spots.touchesTenderSpot(stroke)
    }

    /// Replaces the slot with broad still pressure on a ticklish spot, or nothing if the
    /// broad contact would reach an area that must not be touched.
    func hold(
        _ active: inout ActiveStroke, on spot: LearnedSpot, levels: inout ClientLevels, supervisor: SafetySupervisor,
        at now: Int
    ) {
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
        resolveLevel(&active, levels: &levels, at: now)
    }

    /// The level and force scale of `active` under the client's current levels.
    func resolveLevel(_ active: inout ActiveStroke, levels: inout ClientLevels, at now: Int) {
        let q = active.partSlot
        let cap = levels.cap(q)
        guard active.kind != .broadHold, let source = active.source else {
            active.level = cap
            active.holdForce = PressureScale.force(
                PressureLevel(clamping: cap), on: active.part.region, with: .broadStillPressure)
            active.speedFactor = 1
            return
        }
        let stroke = plan.strokes[source]
        let part = levels.parts[q]
        var value = stroke.level.value + (part.level - part.baseLevel) + part.firmer - levels.drop
        if active.onTenderSpot { value -= Self.tenderSpotReduction }
        value = min(max(1, value), cap)
        if stroke.adaptation == .endangermentZone { value = min(value, PressureLevel.lightMaximum.value) }
        // The plan (or the client) raised the level: what was felt before is the last comfortable level.
        levels.noteRaise(q, to: value, at: now)
        active.level = value
        let planned = PressureScale.force(stroke.level, on: stroke.part.region, with: stroke.technique)
        let wanted = PressureScale.force(PressureLevel(clamping: value), on: stroke.part.region, with: stroke.technique)
        active.forceScale = planned > 0 ? wanted / planned : 0
        var speed = levels.speed
        if part.slower { speed = min(speed, Self.ticklishSpeed) }
        active.speedFactor = speed
    }

    /// A stroke on part slot `q` to play in the slot of `stroke`, taken in turn so repeats vary:
    /// one that fits the slot if there is one, else one that the slot's end cuts short (its
    /// force is brought down in time by the end-of-slot ramp).
    private mutating func donor(from q: Int, fitting stroke: Stroke, broadOnly: Bool, spots: LearnedSpots) -> Int? {
        let candidates = strokesBySlot[q]
        guard !candidates.isEmpty else { return nil }
        for mustFit in [true, false] {
            for k in 0..<candidates.count {
                let index = candidates[(donorCursors[q] + k) % candidates.count]
                let donor = plan.strokes[index]
                guard donor.face == stroke.face else { continue }
                if mustFit, donor.durationMilliseconds > stroke.durationMilliseconds { continue }
                if broadOnly, !donor.technique.spec.isBroadAndFlat { continue }
                if spots.touchesLeftSpot(donor) { continue }
                donorCursors[q] = (donorCursors[q] + k + 1) % candidates.count
                return index
            }
        }
        return nil
    }

    /// The part that stands in for skipped part `q`: the one most recently worked before the
    /// cursor that is not skipped, else the next one the plan works (a skip at the very start).
    private func standInSlot(for q: Int, cursor: Int, levels: ClientLevels) -> Int? {
        var i = min(cursor, plan.strokes.count - 1)
        while i >= 0 {
            let s = strokeSlots[i]
            if s != q, !levels.parts[s].skipped { return s }
            i -= 1
        }
        for s in strokeSlots[min(cursor, strokeSlots.count)...] where s != q && !levels.parts[s].skipped { return s }
        return nil
    }
}
