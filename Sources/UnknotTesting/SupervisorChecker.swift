import UnknotCore
import UnknotSession

/// An independent judge of the safety supervisor's output. It is told everything the
/// supervisor is told (the care plan, the body, levels, turns, spots, frames, stops) and
/// works out for itself, from the position of each output and the body model's own polygons,
/// what the output may be; it shares no code with the supervisor's geometry (the supervisor
/// walks patch rows with a cache; the checker measures every outline in full).
///
/// It fails an output that: has a value that is not a number; touches while a fault must hold
/// the arm lifted (an e-stop, a robot fault, a sensor dropout, an implausible frame, a measured
/// force above the ceiling, an invalid setpoint) or lifted with force; touches the other face,
/// off the body, an untouchable area, the spine, a spot left alone, or a zone with point
/// pressure; presses harder than the strictest limit of every part under the disk, or rises
/// faster than the rise limit; moves further in a tick than the contact or travel limit; touches
/// within the hold after a bump (a measured force in contact far above the force commanded, which
/// falls no faster than the planned fall). It also fails a fault that was cleared while its cause remained.
public struct SupervisorChecker: Sendable {
    /// Distances within this of a limit (cm) are rounding: the checker gives the benefit of it.
    public static let tolerance = 1e-5

    let body: BodyModel
    /// Every part's outline on its face, measured once.
    let outlines: [(part: BodyPartID, face: BodyFace, shape: SurfacePolygon)]
    let carePlan: CarePlan
    let screening: ScreeningOutcome
    var forbidden: [(shape: SurfacePolygon, face: BodyFace)] = []
    var levels: [BodyPartID: PressureLevel] = [:]
    var lyingOn: BodyFace
    var previous: Setpoint
    var liftedAt: Int?
    var lastFrameAt: Int
    var lastFrameFault = false
    var lastFramePlausible = true
    var mustLift: String?
    /// When a bump was measured: contact must stay lifted for the bump's hold.
    var bumpedAt: Int?
    /// The allowed force and ceiling of the last contact output, when it was given.
    var contactLimits: (allowed: Double, ceiling: Double)?
    /// The force commanded, falling no faster than the planned fall: what a bump is measured from.
    var bumpReference = 0.0
    var neverClears = false
    var stopped = false
    /// Every output checked, and how many were in contact.
    public private(set) var outputs = 0
    public private(set) var contacts = 0
    /// How many frames gave each cause to hold the arm lifted.
    public private(set) var causes: [String: Int] = [:]

    public init(
        carePlan: CarePlan, screening: ScreeningOutcome, body: BodyModel, lyingOn: BodyFace, at position: SurfacePoint,
        startingAt now: Int = 0
    ) {
        self.body = body
        outlines = body.patches.map { ($0.part, $0.face, $0.outline) }
        self.carePlan = carePlan
        self.screening = screening
        self.lyingOn = lyingOn
        previous = .lifted(at: position, face: lyingOn)
        lastFrameAt = now
        for part in BodyPartID.all {
            levels[part] = min(carePlan.preferredLevel(for: part), Self.hardLevel(part, carePlan, screening))
            if carePlan.whyUntouchable(part, screening: screening) != nil {
                forbidden.append((body.patch(for: part).outline, part.region.face))
            }
        }
        for zone in body.zones where zone.kind == .spine { forbidden.append((zone.shape, zone.face)) }
    }

    static func hardLevel(_ part: BodyPartID, _ care: CarePlan, _ screening: ScreeningOutcome) -> PressureLevel {
        min(care.painLimit, screening.levelCap, part.region.maximumLevel)
    }

    // MARK: - What the supervisor is told

    public mutating func setClientLevel(_ level: PressureLevel, for part: BodyPartID) {
        levels[part] = min(level, Self.hardLevel(part, carePlan, screening))
    }

    public mutating func clientLies(on face: BodyFace) { lyingOn = face }

    public mutating func forbid(spotAt center: SurfacePoint, radius: Double, on face: BodyFace) {
        guard center.x.isFinite, center.y.isFinite, radius.isFinite, radius > 0 else { return }
        forbidden.append((.ellipse(center: center, radiusX: radius, radiusY: radius), face))
    }

    public mutating func emergencyStop() {
        stopped = true
        mustLift = mustLift ?? "the emergency stop"
    }

    public mutating func releaseEmergencyStop() { stopped = false }

    /// A sensor frame reached the supervisor at `now`.
    public mutating func observe(_ frame: SensorFrame, at now: Int) {
        lastFrameAt = now
        lastFrameFault = frame.status.isFault
        let force = frame.measuredForce
        let settling = liftedAt.map { now - $0 <= SafetyLimits.liftSettleMilliseconds } ?? false
        var why: String?
        if frame.status.isFault { why = "a robot fault" }
        if !force.isFinite || !frame.tissueStiffness.isFinite { why = "a frame that is not a number" }
        if force < -SafetyLimits.forceNoiseFloor { why = "a negative force" }
        if frame.tissueStiffness < 0 { why = "a negative stiffness" }
        if !previous.contact, !settling, force > SafetyLimits.forceNoiseFloor { why = "force without contact" }
        lastFramePlausible = why == nil || why == "a robot fault"
        if why == nil, previous.contact, let limits = contactLimits {
            if force > limits.ceiling * (1 + 1e-9) {
                why = "force above the ceiling"
            } else if force > SafetyLimits.bumpLimit(reference: bumpReference, ceiling: limits.ceiling) * (1 + 1e-9) {
                bumpedAt = now
                causes["a bump", default: 0] += 1
            }
        }
        if let why {
            causes[why, default: 0] += 1
            if mustLift == nil { mustLift = why }
        }
    }

    /// The supervisor answered a request to clear its fault at `now`.
    public mutating func clearFault(at now: Int, cleared: Bool) -> [String] {
        guard cleared, mustLift != nil else { return [] }
        var problems: [String] = []
        if neverClears { problems.append("t=\(now): a software fault was cleared") }
        if stopped { problems.append("t=\(now): cleared while the emergency stop is latched") }
        if now - lastFrameAt >= SafetySupervisor.watchdogMilliseconds {
            problems.append("t=\(now): cleared with no fresh sensor frame")
        }
        if lastFrameFault { problems.append("t=\(now): cleared while the robot reports a fault") }
        if !lastFramePlausible { problems.append("t=\(now): cleared after an implausible frame") }
        mustLift = nil
        return problems
    }

    /// After each setpoint: a cause to hold the arm lifted must be a fault the supervisor reports
    /// (what staff and the record see, and what only a Resume clears) — not a lift that ends by
    /// itself, like a bump's.
    public func reported(_ fault: SafetyFault?, at now: Int) -> [String] {
        guard let why = mustLift, fault == nil else { return [] }
        return ["t=\(now): \(why) must hold the arm lifted, but the supervisor reports no fault"]
    }

    // MARK: - Judging one output

    /// Judges the output the supervisor gave for `proposed` at `now`; returns what is wrong.
    public mutating func check(_ proposed: Setpoint, output out: Setpoint, at now: Int) -> [String] {
        var problems: [String] = []
        func fail(_ what: String) { problems.append("t=\(now): \(what)") }
        outputs += 1
        if now - lastFrameAt >= SafetySupervisor.watchdogMilliseconds, mustLift == nil {
            mustLift = "a sensor dropout"
        }
        let finiteIn =
            proposed.position.x.isFinite && proposed.position.y.isFinite && proposed.normalForce.isFinite
            && proposed.speed.isFinite
        if !finiteIn {
            mustLift = mustLift ?? "an invalid setpoint"
            neverClears = true
        }
        guard out.position.x.isFinite, out.position.y.isFinite, out.normalForce.isFinite, out.speed.isFinite else {
            fail("an output value is not a number: \(out)")
            previous = out
            return problems
        }
        let step = Self.stationDistance(previous, out)
        if out.contact {
            contacts += 1
            if let why = mustLift { fail("contact while \(why) must hold the arm lifted") }
            if let bumpedAt, now - bumpedAt < SafetyLimits.bumpHoldMilliseconds {
                fail("contact \(now - bumpedAt) ms after a bump (held lifted \(SafetyLimits.bumpHoldMilliseconds) ms)")
            }
            checkContact(out, fail)
            if step > SafetySupervisor.contactStep + 1e-9 { fail("contact moved \(step) cm in one tick") }
            let rise = out.normalForce - (previous.contact ? previous.normalForce : 0)
            if rise > SafetySupervisor.risePerTick + 1e-9 { fail("force rose \(rise) N in one tick") }
        } else {
            if out.normalForce != 0 { fail("lifted with \(out.normalForce) N") }
            if step > SafetySupervisor.travelStep + 1e-9 { fail("travelled \(step) cm in one tick") }
        }
        if out.speed < 0 || out.speed > SafetyLimits.maximumTravelSpeed + 1e-9 { fail("speed \(out.speed)") }
        if previous.contact, !out.contact { liftedAt = now }
        bumpReference = max(out.contact ? out.normalForce : 0, bumpReference - SafetyLimits.maximumForceFall / 1_000)
        previous = out
        return problems
    }

    private mutating func checkContact(_ out: Setpoint, _ fail: (String) -> Void) {
        contactLimits = nil
        guard let technique = out.technique, out.normalForce > 0 else {
            fail("contact without a technique or a force")
            return
        }
        if out.face != lyingOn { fail("contact on the \(out.face) face while the client lies on the \(lyingOn)") }
        let radius = technique.spec.contactWidth / 2
        let p = out.position
        let onBody = outlines.contains { $0.face == out.face && $0.shape.distance(to: p) < radius - Self.tolerance }
        if !onBody { fail("contact touching no part of the body at \(p)") }
        for area in forbidden where area.face == out.face && area.shape.distance(to: p) < radius - Self.tolerance {
            fail("contact reaches a forbidden area at \(p)")
        }
        if technique.spec.isPointPressure {
            for zone in body.zones where zone.kind != .spine && zone.face == out.face {
                if zone.shape.distance(to: p) < radius - Self.tolerance {
                    fail("point pressure in the \(zone.kind) zone at \(p)")
                }
            }
        }
        let limits = limits(p, technique, on: out.face)
        contactLimits = limits
        let allowed = limits.allowed
        if out.normalForce > allowed + 1e-9 { fail("\(out.normalForce) N where \(allowed) N is allowed at \(p)") }
    }

    /// The strictest allowed force and ceiling over every part the disk covers.
    func limits(_ p: SurfacePoint, _ technique: Technique, on face: BodyFace) -> (allowed: Double, ceiling: Double) {
        let radius = technique.spec.contactWidth / 2
        var allowed = Double.infinity
        var ceiling = Double.infinity
        for patch in outlines where patch.face == face {
            let shape = patch.shape
            let box = max(0, shape.minX - p.x, p.x - shape.maxX, shape.minY - p.y, p.y - shape.maxY)
            guard box < radius, shape.distance(to: p) < radius - Self.tolerance else { continue }
            let region = patch.part.region
            let level = levels[patch.part] ?? .minimum
            ceiling = min(ceiling, PressureScale.ceiling(on: region, with: technique))
            allowed = min(allowed, PressureScale.force(level, on: region, with: technique))
        }
        return (min(allowed, ceiling), ceiling)
    }

    static func stationDistance(_ a: Setpoint, _ b: Setpoint) -> Double {
        let ax = a.face == .posterior ? a.position.x : -a.position.x
        let bx = b.face == .posterior ? b.position.x : -b.position.x
        let dx = bx - ax
        let dy = b.position.y - a.position.y
        return (dx * dx + dy * dy).squareRoot()
    }
}
