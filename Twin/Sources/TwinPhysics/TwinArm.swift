import UnknotCore
import UnknotRobotLink

/// The physics twin behind the robot link's ``RobotArm``: each command is one millisecond of
/// MuJoCo — the station's Cartesian target becomes the ``PadController``'s, the arm presses on the
/// client's ``BodySurface`` whose ``ClientTissue`` gives under it, and the reading is what the
/// simulated sensors measure (the pad's contact force, where it touches, the tissue's stiffness).
///
/// Station frame (the link's): x across the table, y along it from the crown, z up from the table
/// top, centimetres; the twin's world: metres, x along the table, z up from the floor.
///
/// Guarantees: deterministic (the same commands give the same readings); a torque the motors cannot
/// give is cut and, held for ``clampFaultMilliseconds``, reported as fault ``Fault/torqueLimit``
/// rather than followed silently; it says it is simulated in its identity.
public struct TwinArm: RobotArm {
    /// The twin's own fault codes on the link.
    public enum Fault {
        /// A joint needed more torque than its motor gives for longer than a moment: a target out of
        /// reach, or too near a singularity.
        public static let torqueLimit: UInt32 = 7_001
        /// The pad stalled far from its target (``FollowingWatch``): a target the arm cannot reach.
        public static let followingError: UInt32 = 7_002
        /// A joint within ``JointWatch/limitMargin`` of an end of its range.
        public static let jointLimit: UInt32 = 7_003
        /// The arm at a singularity (``JointWatch``).
        public static let singularity: UInt32 = 7_004
    }

    public let identity: RobotIdentity
    public let surface: BodySurface
    public var tissue: ClientTissue
    public let world: PhysicsWorld
    let controller: PadController
    let pad = ArmGeometry().padRadius
    /// Milliseconds of cut torques before the arm reports a fault.
    public static let clampFaultMilliseconds = 20
    private var clamped = 0
    private var following = FollowingWatch()
    private var joints = JointWatch(ranges: ArmGeometry().jointRanges)
    /// What answers the station's reach questions (made at the first).
    private var reachChecker: ReachCheck?
    /// The least manipulability the arm has had (``JointWatch``), for calibrating the watch.
    public private(set) var leastManipulability = Double.infinity
    private var fault: UInt32?
    /// The last press goal (world), for the target's speed across the surface; none while hovering,
    /// so the first step of a press does not read the jump from the hover point as a speed.
    var previous: SIMD3<Double>?
    /// The pad's force at the last step, N; the force loop's filtered reading of it, N; and the
    /// loop's integral of its error, N s.
    var lastForce = 0.0
    var sensedForce = 0.0
    var forceIntegral = 0.0
    /// The point of the client's skin at rest the pad last touched (world; MuJoCo's contact point
    /// with the tissue's give taken out), the contact's normal there, and how long ago, ms.
    var skin: SIMD3<Double>?
    var touchNormal: SIMD3<Double>?
    var sinceTouch = Int.max / 2
    /// The force loop's gains: proportional (N/N) and integral (1/s), on its sensor read through a
    /// first-order filter of this time constant, s (as an arm's force-torque reading is: fed back
    /// raw at 1 kHz with a gain of 3, a stiff contact made the loop ring at 500 Hz).
    public static let forceProportionalGain = 1.0
    public static let forceIntegralGain = 30.0
    public static let forceFilterSeconds = 0.005
    /// A gap in the contact shorter than this (ms) leaves the pad on the skin: the loop holds its
    /// integral and the press its direction (the pad crossing an edge of the height field's
    /// triangles loses its contact for a millisecond now and then).
    public static let contactGapMilliseconds = 5
    /// Lifting, the pad leaves the skin along its normal for at most this long (ms) before it travels.
    public static let leaveMilliseconds = 1_000
    /// A guarded approach to the skin: at most this speed (m/s) while the pad is in the air over a
    /// press, slowing in proportion to the gap left (per second) to touch at `touchSpeed` (m/s).
    public static let approachSpeed = 0.3
    public static let approachGain = 25.0
    public static let touchSpeed = 0.01

    /// The twin with a client of `measurements` on the table and the arm parked over their back.
    public init(measurements: BodyMeasurements, watchdogMilliseconds: Int = 20) throws(PhysicsWorld.Failure) {
        surface = BodySurface(model: BodyModel(measurements))
        tissue = ClientTissue(surface: surface)
        world = try PhysicsWorld(mjcf: StationScene.mjcf(client: surface))
        world.positions = [0.3, -1.4, 2.4, -0.5, 0.2, 0.0]
        controller = PadController(world: world)
        // Parked 40 cm over the middle of the client before the station's first command.
        let park = PadController.Target.hover(x: surface.headX + 0.6, y: 0, height: surface.tableTop + 0.45)
        for _ in 0..<2_000 {
            world.controls = controller.output(park, world: world).torques
            world.step()
        }
        identity = RobotIdentity(
            model: "Unknot twin (MuJoCo \(PhysicsWorld.version), UR10e-class arm)", serial: "twin-1", simulated: true,
            maximumForce: 80, maximumSpeed: 30, watchdogMilliseconds: watchdogMilliseconds)
    }

    /// The station's question over the link, before a session: the arm's own kinematics answer
    /// (``ReachCheck`` on a kinematic copy, made at the first question; nothing moves).
    public mutating func reach(_ position: Vector3, normal: Vector3) -> ReachVerdict {
        if reachChecker == nil { reachChecker = try? reachCheck() }
        guard let reachChecker else { return .unchecked }
        return reach(position, with: reachChecker)
    }

    /// A check of where this arm can reach, on a kinematic copy of it, starting from its pose now.
    public func reachCheck() throws(PhysicsWorld.Failure) -> ReachCheck {
        try ReachCheck(
            mjcf: StationScene.mjcf(client: surface), orientation: controller.orientation, start: world.positions)
    }

    /// Whether the pad can press at `position` (station frame, cm): its centre where a press there
    /// puts it — over the client's surface under that point, out along the surface's normal.
    public func reach(_ position: Vector3, with check: ReachCheck) -> ReachVerdict {
        let point = surface.chart(x: world(position).x, y: world(position).y)
        return check.check(padCentre: surface.world(point) + pad * surface.normal(point))
    }

    /// The world point (metres) of a station-frame point (centimetres), and back.
    public func world(_ p: Vector3) -> SIMD3<Double> {
        SIMD3(surface.headX + p.y / 100, p.x / 100, surface.tableTop + p.z / 100)
    }

    public func station(_ p: SIMD3<Double>) -> Vector3 {
        Vector3(x: p.y * 100, y: (p.x - surface.headX) * 100, z: (p.z - surface.tableTop) * 100)
    }

    public mutating func step(following command: RobotCommand) -> ArmReading {
        // Where the pad is before this step (read once: the approach, the tissue and the watch use it).
        let here = world.site("pad_centre")
        let normal = SIMD3(command.normal.y, command.normal.x, command.normal.z)
        let (target, goal) =
            command.contact && command.force > 0 ? pressTarget(command, here: here) : liftTarget(command, here: here)
        let onSkin = sinceTouch < Self.contactGapMilliseconds
        if let under = (onSkin ? skin : nil) ?? here.map({ $0 - SIMD3(0, 0, pad) }) {
            tissue.apply(to: world, at: under)
        }
        let output = controller.output(target, world: world)
        clamped = output.clamped ? clamped + 1 : 0
        if clamped >= Self.clampFaultMilliseconds { fault = Fault.torqueLimit }
        leastManipulability = min(leastManipulability, output.manipulability)
        switch joints.observe(positions: world.positions, manipulability: output.manipulability) {
        case .jointLimit where fault == nil: fault = Fault.jointLimit
        case .singular where fault == nil: fault = Fault.singularity
        default: break
        }
        if let here {
            // Pressing, how far across the surface; hovering, how far in space.
            var off = goal - here
            if target.height == nil { off -= (off * target.normal).sum() * target.normal }
            if following.observe(distance: (off * off).sum().squareRoot()), fault == nil {
                fault = Fault.followingError
            }
        }
        world.controls = output.torques
        world.step()
        let (force, touchedAt, touchedAlong) = world.contact(geom: "pad")
        lastForce = force
        sensedForce += (force - sensedForce) * min(1, world.timestep / Self.forceFilterSeconds)
        if force > Self.touchingForce, let touchedAt, let touchedAlong {
            (skin, touchNormal, sinceTouch) =
                (touchedAt - world.displacement(joint: BodySurface.tissueJoint), touchedAlong, 0)
        } else {
            sinceTouch += 1
        }
        let centre = world.site("pad_centre") ?? goal
        let touching = force > Self.touchingForce
        // Where the pad touches on the skin (MuJoCo's contact points, the tissue's give along its
        // normal taken out: the point of the client pressed), or, in the air, the point under the
        // pad. The tissue answers there: on a steep shoulder the point below the pad's centre was
        // 2.3 cm from it, and a sore spot was read at the wrong place.
        let pressed = touching ? skin ?? centre - pad * normal : centre - SIMD3(0, 0, pad)
        let contact = station(pressed)
        let under = surface.chart(x: pressed.x, y: pressed.y)
        tissue.respond(to: force, at: under, seconds: world.timestep)
        let stiffness = touching ? tissue.stiffness(at: under) / 100 : 0
        return ArmReading(
            force: force,
            wrenchForce: Vector3(
                x: -command.normal.x * force, y: -command.normal.y * force, z: -command.normal.z * force),
            position: contact, normal: command.normal, stiffness: stiffness, faultCode: fault)
    }

    /// Above this force (N) the pad is touching: its sensor reads the tissue under it.
    static let touchingForce = 0.5

    public mutating func resetFault() {
        clamped = 0
        following.reset()
        joints.reset()
        fault = nil
    }
}
