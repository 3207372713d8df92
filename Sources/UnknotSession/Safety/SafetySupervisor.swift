import UnknotCore

/// Sits between every setpoint and the robot and holds the station's limits, whatever the
/// planner, the client, the server or a bug asks. It is separate from the care policy and
/// knows nothing of reactions: only limits, sensor health and the emergency stop.
///
/// Guarantees, for every setpoint ``filter(_:at:)`` returns:
/// - the normal force is at most the region's ISO/TS 15066 ceiling for the technique's contact
///   area, at most the force of the client's current level on that part, and at most the force
///   of the pain limit (capped again by the screening and the region);
/// - the force rises by at most ``SafetyLimits/maximumForceRise`` per second; it may always fall;
/// - no contact reaches an untouchable area, the spine, or a spot left for the session;
/// - no point pressure reaches an endangerment zone;
/// - once faulted (no sensor frame for ``watchdogMilliseconds``, measured force above the
///   ceiling, a robot fault, the emergency stop) every setpoint is lifted with no force until
///   the fault is cleared, and an emergency stop stays latched until it is released.
///
/// Filtering allocates nothing.
public struct SafetySupervisor: Sendable {
    /// Longest allowed gap between sensor frames, milliseconds.
    public static let watchdogMilliseconds = 50
    /// Force rise allowed per 1 ms tick, newtons.
    public static let risePerTick = SafetyLimits.maximumForceRise / 1_000
    /// Contact this close to a forbidden edge (cm) still counts as clear: rounding, not contact.
    static let edgeTolerance = 1e-6

    /// ISO ceiling per part slot and technique: `ceilings[slot * Technique.count + technique]`.
    private let ceilings: [Double]
    /// Highest level the pain limit, the screening and the region allow, per part slot.
    public let levelLimit: [Int]
    /// The client's current level per part slot (the engine reports each change).
    public private(set) var clientLevel: [Int]
    private var forbidden: [(shape: SurfacePolygon, face: BodyFace)]
    private let zones: [EndangermentZone]

    private var lastForce = 0.0
    private var lastSensorAt: Int
    private var lastStatus = RobotStatus.ready
    public private(set) var fault: SafetyFault?
    public private(set) var isEmergencyStopped = false
    public private(set) var interventions = SafetyInterventions()

    /// - Parameters:
    ///   - carePlan: the client's care plan (levels, pain limit, untouchable areas).
    ///   - screening: the contraindication screening of this session.
    ///   - body: the client's body model (patches, endangerment zones).
    ///   - startingAt: the time the supervisor starts watching, ms.
    public init(carePlan: CarePlan, screening: ScreeningOutcome, body: BodyModel, startingAt now: Int = 0) {
        var ceilings = Array(repeating: 0.0, count: PartSlot.count * Technique.count)
        var levelLimit = Array(repeating: 1, count: PartSlot.count)
        var clientLevel = Array(repeating: 1, count: PartSlot.count)
        for slot in 0..<PartSlot.count {
            let part = PartSlot.part(slot)
            for technique in Technique.allCases {
                ceilings[slot * Technique.count + technique.ordinal] = PressureScale.ceiling(
                    on: part.region, with: technique)
            }
            let limit = min(carePlan.painLimit, screening.levelCap, part.region.maximumLevel)
            levelLimit[slot] = limit.value
            clientLevel[slot] = min(carePlan.preferredLevel(for: part), limit).value
        }
        self.ceilings = ceilings
        self.levelLimit = levelLimit
        self.clientLevel = clientLevel
        var forbidden: [(shape: SurfacePolygon, face: BodyFace)] = []
        forbidden.reserveCapacity(64)
        for part in BodyPartID.all where carePlan.whyUntouchable(part, screening: screening) != nil {
            let patch = body.patch(for: part)
            forbidden.append((patch.outline, patch.face))
        }
        for zone in body.zones where zone.kind.forbidsContact { forbidden.append((zone.shape, zone.face)) }
        self.forbidden = forbidden
        zones = body.zones.filter { !$0.kind.forbidsContact }
        lastSensorAt = now
    }

    /// The hard ceiling for a technique on a part, newtons.
    public func ceiling(for part: BodyPartID, with technique: Technique) -> Double {
        ceilings[PartSlot.of(part) * Technique.count + technique.ordinal]
    }

    /// The highest force the supervisor lets through for a technique on a part right now.
    public func allowedForce(for part: BodyPartID, with technique: Technique) -> Double {
        let slot = PartSlot.of(part)
        let level = PressureLevel(clamping: min(clientLevel[slot], levelLimit[slot]))
        return min(
            ceilings[slot * Technique.count + technique.ordinal],
            PressureScale.force(level, on: part.region, with: technique))
    }

    /// Records the client's current level on a part; never above the part's limit.
    public mutating func setClientLevel(_ level: PressureLevel, for part: BodyPartID) {
        let slot = PartSlot.of(part)
        clientLevel[slot] = min(level.value, levelLimit[slot])
    }

    /// Forbids any contact within `radius` of `center` from now on (a spot left for the session).
    public mutating func forbid(spotAt center: SurfacePoint, radius: Double, on face: BodyFace) {
        forbidden.append((SurfacePolygon.ellipse(center: center, radiusX: radius, radiusY: radius), face))
    }

    /// Whether a contact of `radius` at `point` would reach an area that must not be touched.
    public func reachesForbiddenArea(_ point: SurfacePoint, radius: Double, on face: BodyFace) -> Bool {
        let r = radius - Self.edgeTolerance
        for area in forbidden where area.face == face && area.shape.overlaps(diskAt: point, radius: r) {
            return true
        }
        return false
    }

    /// Whether point pressure of `radius` at `point` would reach an endangerment zone.
    public func reachesEndangermentZone(_ point: SurfacePoint, radius: Double, on face: BodyFace) -> Bool {
        let r = radius - Self.edgeTolerance
        for zone in zones where zone.isTouched(at: point, on: face, radius: r) { return true }
        return false
    }

    /// Takes one sensor frame: refreshes the watchdog and faults on a robot fault or a measured
    /// force above the ceiling of what is in contact.
    public mutating func observe(_ frame: SensorFrame, at now: Int, touching setpoint: Setpoint) {
        lastSensorAt = now
        lastStatus = frame.status
        guard fault == nil else { return }
        if case .fault(let code) = frame.status {
            fault = .robotFault(code: code)
            return
        }
        let ceiling: Double
        if setpoint.contact, let part = setpoint.part, let technique = setpoint.technique {
            ceiling = self.ceiling(for: part, with: technique)
        } else {
            ceiling = BodyRegion.jaw.forceCeiling.force
        }
        if frame.measuredForce > ceiling { fault = .forceAboveCeiling(measured: frame.measuredForce, ceiling: ceiling) }
    }

    /// Latches the emergency stop: everything lifts until ``releaseEmergencyStop()``.
    public mutating func emergencyStop() {
        isEmergencyStopped = true
        fault = .emergencyStop
    }

    /// Releases a latched emergency stop (staff only); the session stays faulted until cleared.
    public mutating func releaseEmergencyStop() { isEmergencyStopped = false }

    /// Clears the fault if its cause is gone: no latched e-stop, fresh sensor frames, robot ready.
    /// Returns whether the supervisor now lets contact through.
    public mutating func clearFault(at now: Int) -> Bool {
        guard fault != nil else { return true }
        guard !isEmergencyStopped, now - lastSensorAt < Self.watchdogMilliseconds, !lastStatus.isFault else {
            return false
        }
        fault = nil
        return true
    }

    /// The setpoint the robot may actually receive for this tick.
    public mutating func filter(_ proposed: Setpoint, at now: Int) -> Setpoint {
        if fault == nil, now - lastSensorAt >= Self.watchdogMilliseconds {
            fault = .sensorDropout(milliseconds: now - lastSensorAt)
        }
        var out = proposed
        out.speed = min(
            max(0, out.speed), out.contact ? SafetyLimits.strokeSpeed.upperBound : SafetyLimits.maximumTravelSpeed)
        if fault != nil {
            if proposed.contact || proposed.normalForce > 0 { interventions.heldLifted += 1 }
            return lift(out)
        }
        guard out.contact, let part = out.part, let technique = out.technique, out.normalForce > 0,
            out.normalForce.isFinite
        else { return lift(out) }
        let radius = technique.spec.contactWidth / 2
        if reachesForbiddenArea(out.position, radius: radius, on: out.face) {
            interventions.forbiddenContact += 1
            return lift(out)
        }
        if technique.spec.isPointPressure, reachesEndangermentZone(out.position, radius: radius, on: out.face) {
            interventions.pointPressureInZone += 1
            return lift(out)
        }
        let allowed = allowedForce(for: part, with: technique)
        if out.normalForce > allowed {
            if out.normalForce > allowed + 1e-6 { interventions.forceClamped += 1 }
            out.normalForce = allowed
        }
        if out.normalForce > lastForce + Self.risePerTick {
            if out.normalForce > lastForce + Self.risePerTick + 1e-6 { interventions.riseLimited += 1 }
            out.normalForce = lastForce + Self.risePerTick
        }
        lastForce = out.normalForce
        return out
    }

    private mutating func lift(_ setpoint: Setpoint) -> Setpoint {
        lastForce = 0
        return setpoint.liftedOff
    }
}
