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
    private var fault: UInt32?
    private var previous: SIMD3<Double>?

    /// The twin with a client of `measurements` on the table and the arm parked over their back.
    public init(measurements: BodyMeasurements, watchdogMilliseconds: Int = 20) throws(PhysicsWorld.Failure) {
        surface = BodySurface(model: BodyModel(measurements))
        tissue = ClientTissue(surface: surface)
        world = try PhysicsWorld(mjcf: StationScene.mjcf(client: surface))
        world.positions = [0.3, -1.0, 2.0, -0.5, 0.2, 0.0]
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

    /// The world point (metres) of a station-frame point (centimetres), and back.
    public func world(_ p: Vector3) -> SIMD3<Double> {
        SIMD3(surface.headX + p.y / 100, p.x / 100, surface.tableTop + p.z / 100)
    }

    public func station(_ p: SIMD3<Double>) -> Vector3 {
        Vector3(x: p.y * 100, y: (p.x - surface.headX) * 100, z: (p.z - surface.tableTop) * 100)
    }

    public mutating func step(following command: RobotCommand) -> ArmReading {
        let normal = SIMD3(command.normal.y, command.normal.x, command.normal.z)
        let target: PadController.Target
        let goal: SIMD3<Double>
        if command.contact, command.force > 0 {
            // The pad's centre over the contact point on the client's surface, pushed out along its normal.
            let point = surface.chart(x: world(command.position).x, y: world(command.position).y)
            let n = surface.normal(point)
            goal = surface.world(point) + pad * n
            let v = previous.map { (goal - $0) / world.timestep } ?? .zero
            target = .press(x: goal.x, y: goal.y, force: command.force, vx: v.x, vy: v.y, vz: v.z, normal: n)
        } else {
            goal = world(command.position) + pad * normal
            // Over first, then down: the arm never descends while still travelling across the body
            // (from where it is parked, a straight line to the first target can pass through it).
            let now = world.site("pad_centre") ?? goal
            let across = ((goal.x - now.x) * (goal.x - now.x) + (goal.y - now.y) * (goal.y - now.y)).squareRoot()
            target = .hover(x: goal.x, y: goal.y, height: across > 0.03 ? max(goal.z, now.z) : goal.z)
        }
        previous = goal
        if let p = world.site("pad_centre") { tissue.apply(to: world, pad: p) }
        let output = controller.output(target, world: world)
        clamped = output.clamped ? clamped + 1 : 0
        if clamped >= Self.clampFaultMilliseconds { fault = Fault.torqueLimit }
        world.controls = output.torques
        world.step()
        let force = world.contactNormalForce(geom: "pad")
        let centre = world.site("pad_centre") ?? goal
        let touching = force > 0.5
        let contact = station(centre - pad * (touching ? normal : SIMD3(0, 0, 1)))
        let stiffness = touching ? tissue.stiffness(at: surface.chart(x: centre.x, y: centre.y)) / 100 : 0
        return ArmReading(
            force: force,
            wrenchForce: Vector3(
                x: -command.normal.x * force, y: -command.normal.y * force, z: -command.normal.z * force),
            position: contact, normal: command.normal, stiffness: stiffness, faultCode: fault)
    }

    public mutating func resetFault() {
        clamped = 0
        fault = nil
    }
}
