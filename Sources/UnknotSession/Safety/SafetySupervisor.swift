import UnknotCore

/// Sits between every setpoint and the robot and holds the station's limits, whatever the
/// planner, the client, the server, a bug or a lying setpoint asks. It is separate from the
/// care policy and knows nothing of reactions: only limits, sensor health and the emergency
/// stop. It trusts no claim a setpoint makes about itself: the part it says it touches is
/// ignored, and the limits come from where the contact is.
///
/// Guarantees, for every setpoint ``filter(_:at:)`` returns (the independent checker
/// `SupervisorChecker` in UnknotTesting holds each one against adversarial streams):
/// - every value is finite; a setpoint with a non-finite position, force or speed lifts the arm
///   and faults the session (``SafetyFault/invalidSetpoint(_:)``) for good;
/// - contact only on the face the client is lying on (``clientLies(on:)``), with its centre on
///   a part of the body (a patch of the body model), with a technique and a positive force;
/// - the normal force is at most the strictest, over every part the contact disk overlaps, of
///   the ISO/TS 15066 ceiling for the technique's contact area, the force of the client's
///   current level on that part and of the part's level limit (pain limit, screening, region);
/// - the force rises by at most ``risePerTick`` per tick; it may always fall;
/// - no contact reaches an untouchable area, the spine, or a spot left for the session, and no
///   point pressure reaches an endangerment zone;
/// - the end effector moves at most ``contactStep`` per tick in contact (a jump lifts the arm)
///   and at most ``travelStep`` per tick lifted (a longer move is cut to that step), measured
///   in the station frame, so a change of face is a move too;
/// - once faulted (no sensor frame for ``watchdogMilliseconds``, an implausible frame, a
///   measured force above the ceiling, a robot fault, the emergency stop, an invalid setpoint)
///   every setpoint is lifted with no force, in place, until the fault is cleared; an
///   emergency stop stays latched until it is released;
/// - a bump — a measured force in contact above ``SafetyLimits/bumpLimit(reference:ceiling:)`` of
///   the force commanded — lifts the very next setpoint, in place, and every one for
///   ``SafetyLimits/bumpHoldMilliseconds``; then contact lands again at the rise limit.
///
/// Filtering allocates nothing.
public struct SafetySupervisor: Sendable {
    /// Longest allowed gap between sensor frames, milliseconds.
    public static let watchdogMilliseconds = 50
    /// Force rise allowed per 1 ms tick, newtons.
    public static let risePerTick = SafetyLimits.maximumForceRise / 1_000
    /// Largest move of the contact in one tick, cm (the stroke speed limit, with the tolerance).
    public static let contactStep = SafetyLimits.strokeSpeed.upperBound / 1_000 * (1 + SafetyLimits.stepTolerance)
    /// Largest move of the lifted end effector in one tick, cm.
    public static let travelStep = SafetyLimits.maximumTravelSpeed / 1_000 * (1 + SafetyLimits.stepTolerance)
    /// Contact this close to a forbidden edge (cm) still counts as clear: rounding, not contact.
    static let edgeTolerance = 1e-6

    /// ISO ceiling per part slot and technique: `ceilings[slot * Technique.count + technique]`.
    let ceilings: [Double]
    /// The force the client's current level allows, capped by the ceiling, same layout.
    var levelForces: [Double]
    /// Highest level the pain limit, the screening and the region allow, per part slot.
    public let levelLimit: [Int]
    /// The client's current level per part slot (the engine reports each change).
    public private(set) var clientLevel: [Int]
    var forbidden: [(shape: SurfacePolygon, face: BodyFace)]
    let zones: [EndangermentZone]
    let atlas: ContactAtlas
    /// The atlas's per-patch measurements, updated in place.
    var atlasMemo: ContactAtlas.Memo
    /// How clear the contact was of the forbidden areas, and of the endangerment zones.
    var forbiddenClearance = AreaClearance()
    var zoneClearance = AreaClearance()

    /// The face the client lies on: the only one that may be touched.
    public private(set) var lyingOn: BodyFace
    /// The setpoint the robot last received.
    public internal(set) var lastOutput: Setpoint
    /// Where the contact was located, and for which disk, while it stays valid.
    var located: (center: SurfacePoint, face: BodyFace, radius: Double, location: ContactAtlas.Location)?
    /// The ceiling of the contact last sent (and, after a lift, of the contact being left).
    var contactCeiling = 0.0
    /// The force the bump limit is measured from (``SafetyLimits/bumpReference(previous:commanded:)``).
    var bumpReference = 0.0
    /// When the last bump was measured: the arm stays lifted for ``SafetyLimits/bumpHoldMilliseconds``.
    var bumpedAt: Int?
    /// How many bumps lifted the arm, and the last one's measured force, its limit and the press
    /// it was measured from (the bump's reference), newtons.
    public internal(set) var bumps = 0
    public internal(set) var lastBump: (measured: Double, limit: Double, pressed: Double)?
    /// When the arm was last lifted off the skin; `nil` before any contact.
    var liftedAt: Int?
    var lastSensorAt: Int
    var lastStatus = RobotStatus.ready
    var lastFramePlausible = true
    /// The first invalid setpoint seen: a software fault latches for the rest of the session.
    public internal(set) var softwareFault: SetpointDefect?
    public internal(set) var fault: SafetyFault?
    public private(set) var isEmergencyStopped = false
    public internal(set) var interventions = SafetyInterventions()
    /// Guards switched off: only the mutation check (`@testable`) sets this.
    var disabledGuards: SafetyGuards = []

    /// - Parameters:
    ///   - carePlan: the client's care plan (levels, pain limit, untouchable areas).
    ///   - screening: the contraindication screening of this session.
    ///   - body: the client's body model (patches, endangerment zones).
    ///   - lyingOn: the face the client lies on at the start.
    ///   - position: where the lifted end effector is at the start, on the chart of `lyingOn`.
    ///   - startingAt: the time the supervisor starts watching, ms.
    public init(
        carePlan: CarePlan, screening: ScreeningOutcome, body: BodyModel, lyingOn: BodyFace = .posterior,
        at position: SurfacePoint = SurfacePoint(x: 0, y: 0), startingAt now: Int = 0
    ) {
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
        levelForces = ceilings
        var forbidden: [(shape: SurfacePolygon, face: BodyFace)] = []
        forbidden.reserveCapacity(64)
        for part in BodyPartID.all where carePlan.whyUntouchable(part, screening: screening) != nil {
            let patch = body.patch(for: part)
            forbidden.append((patch.outline, patch.face))
        }
        for zone in body.zones where zone.kind.forbidsContact { forbidden.append((zone.shape, zone.face)) }
        self.forbidden = forbidden
        zones = body.zones.filter { !$0.kind.forbidsContact }
        atlas = ContactAtlas(body: body)
        atlasMemo = atlas.memo()
        self.lyingOn = lyingOn
        lastOutput = .lifted(at: position, face: lyingOn)
        lastSensorAt = now
        for slot in 0..<PartSlot.count { updateLevelForces(slot) }
    }

    /// The hard ceiling for a technique on a part, newtons.
    public func ceiling(for part: BodyPartID, with technique: Technique) -> Double {
        ceilings[PartSlot.of(part) * Technique.count + technique.ordinal]
    }

    /// The highest force the supervisor lets through for a technique on a part right now (a
    /// contact that overlaps other parts gets the strictest of theirs).
    public func allowedForce(for part: BodyPartID, with technique: Technique) -> Double {
        levelForces[PartSlot.of(part) * Technique.count + technique.ordinal]
    }

    /// Records the client's current level on a part; never above the part's limit.
    public mutating func setClientLevel(_ level: PressureLevel, for part: BodyPartID) {
        let slot = PartSlot.of(part)
        clientLevel[slot] = min(level.value, levelLimit[slot])
        updateLevelForces(slot)
    }

    private mutating func updateLevelForces(_ slot: Int) {
        let part = PartSlot.part(slot)
        let level = PressureLevel(clamping: min(clientLevel[slot], levelLimit[slot]))
        for technique in Technique.allCases {
            let i = slot * Technique.count + technique.ordinal
            levelForces[i] = min(ceilings[i], PressureScale.force(level, on: part.region, with: technique))
        }
    }

    /// The client now lies on `face` (turned over): only that face may be touched from now on.
    public mutating func clientLies(on face: BodyFace) { lyingOn = face }

    /// Forbids any contact within `radius` of `center` from now on (a spot left for the session).
    public mutating func forbid(spotAt center: SurfacePoint, radius: Double, on face: BodyFace) {
        guard center.x.isFinite, center.y.isFinite, radius.isFinite, radius > 0 else { return }
        forbidden.append((SurfacePolygon.ellipse(center: center, radiusX: radius, radiusY: radius), face))
        forbiddenClearance.forget()
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

    /// Latches the emergency stop: everything lifts until ``releaseEmergencyStop()``.
    public mutating func emergencyStop() {
        isEmergencyStopped = true
        fault = .emergencyStop
    }

    /// Releases a latched emergency stop (staff only); the session stays faulted until cleared.
    public mutating func releaseEmergencyStop() { isEmergencyStopped = false }

    /// Clears the fault if its cause is gone: no latched e-stop, fresh and plausible sensor
    /// frames, robot ready. An invalid setpoint (a software fault) never clears: the session
    /// ends and staff restart the station. Returns whether the supervisor now lets contact
    /// through.
    public mutating func clearFault(at now: Int) -> Bool {
        guard fault != nil else { return true }
        guard faultWouldClear(at: now) else { return false }
        fault = nil
        return true
    }

    /// Whether ``clearFault(at:)`` would clear the fault now (true with no fault), changing nothing:
    /// what a console asks before it offers Resume.
    public func faultWouldClear(at now: Int) -> Bool {
        guard fault != nil else { return true }
        return softwareFault == nil && !isEmergencyStopped && now - lastSensorAt < Self.watchdogMilliseconds
            && !lastStatus.isFault && lastFramePlausible
    }
}
