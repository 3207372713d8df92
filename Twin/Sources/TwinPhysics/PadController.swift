/// The twin's arm controller at 1 kHz: Cartesian impedance on the pad with normal-force control,
/// from MuJoCo's Jacobians. A system in Drake's sense: its input is a ``Target`` and the world's
/// state; it keeps the orientation it was started with; its output is the six joint torques,
/// gravity and Coriolis compensated, clamped to the motors' limits (the clamp is reported, never
/// silent: ``Output/clamped``).
public struct PadController {
    /// What the pad should do now: be at `position` across the surface (x, y, metres) and either
    /// hold `height` (metres, no contact wanted) or press down with `normalForce` newtons.
    public struct Target: Sendable, Hashable {
        public var x: Double
        public var y: Double
        public var height: Double?
        /// Pressing: the way from where the pad touches to the target, measured on the skin at rest
        /// (metres, world frame), when the arm knows it; otherwise the horizontal way from the pad's
        /// centre. The skin gives under a press, so on a steep side the pad's centre has moved down
        /// the slope with it: measured from there, the way to the target would pull the pad up it.
        public var offset: SIMD3<Double>?
        public var normalForce: Double
        /// The speed the target moves at across the surface (m/s), for the damping to follow.
        public var vx = 0.0
        public var vy = 0.0
        /// How fast the surface under the target rises (m/s) as it moves: followed, not resisted.
        public var vz = 0.0
        /// The surface's outward normal there (unit, world frame): the force presses along it, and
        /// the position is held in the plane across it. Straight up on the table.
        public var normal = SIMD3<Double>(0, 0, 1)
        /// While the pad is still in the air over a press: the speed (m/s) it comes down at along the
        /// normal, under speed control rather than the press's force (a guarded approach: the force
        /// alone would accelerate the pad into the skin); negative, it backs out along the normal
        /// (a pad beside the point rather than over it). 0 once touching: the force takes over.
        public var approach = 0.0

        public static func hover(x: Double, y: Double, height: Double) -> Target {
            Target(x: x, y: y, height: height, normalForce: 0)
        }

        public static func press(
            x: Double, y: Double, force: Double, vx: Double = 0, vy: Double = 0, vz: Double = 0,
            normal: SIMD3<Double> = SIMD3(0, 0, 1)
        ) -> Target {
            Target(x: x, y: y, height: nil, normalForce: force, vx: vx, vy: vy, vz: vz, normal: normal)
        }
    }

    public struct Output {
        public var torques: [Double]
        /// Whether a torque was above its motor's limit and was cut to it.
        public var clamped: Bool
        /// The arm's manipulability at the pad now (``PadController/manipulability(position:rotation:stride:joints:)``).
        public var manipulability: Double
    }

    /// Stiffness (N/m) and damping (N s/m) across the surface, and of height when hovering.
    public var stiffness = 2_500.0
    public var damping = 250.0
    /// Damping of the normal speed while pressing, N s/m (the force itself is commanded; 150 made
    /// the press lag a rising or falling force by over a tenth of a second).
    public var pressDamping = 80.0
    /// Damping of the normal speed on a guarded approach, N s/m.
    public var approachDamping = 400.0
    /// Rotational stiffness (N m/rad) and damping (N m s/rad) holding the pad's orientation.
    public var rotationStiffness = 60.0
    public var rotationDamping = 6.0
    /// The most force the impedance may ask of the pad, N: a far target (the first command after
    /// start, a jump) is approached at this pull rather than with torques the motors cannot give.
    public var maximumForce = 150.0
    /// The most the impedance may pull across the surface while pressing, N.
    public var maximumPull = 40.0
    let site: String
    let limits: [Double]
    let orientation: [Double]

    /// Starts holding the pad site's orientation as it is in `world` now.
    public init(world: PhysicsWorld, site: String = "pad_centre", limits: [Double] = ArmGeometry().torqueLimits) {
        world.forward()
        self.site = site
        self.limits = limits
        self.orientation = world.siteRotation(site) ?? [1, 0, 0, 0, 1, 0, 0, 0, 1]
    }

    /// The torques for `target` in the world's present state.
    public func output(_ target: Target, world: PhysicsWorld) -> Output {
        guard let p = world.site(site), let jacobians = world.siteJacobians(site),
            let rotation = world.siteRotation(site)
        else { return Output(torques: Array(repeating: 0, count: limits.count), clamped: false, manipulability: 0) }
        // The arm's joints are the model's first degrees of freedom; the Jacobians' rows span all.
        let nv = limits.count
        let (jp, jr) = jacobians
        let stride = jp.count / 3
        let qdot = world.velocities
        func rowTimesVelocity(_ j: [Double], _ row: Int) -> Double {
            (0..<stride).reduce(0) { $0 + j[row * stride + $1] * qdot[$1] }
        }
        let v = SIMD3((0..<3).map { rowTimesVelocity(jp, $0) })
        let w = (0..<3).map { rowTimesVelocity(jr, $0) }
        var force: SIMD3<Double>
        if let height = target.height {
            let error = SIMD3(target.x - p.x, target.y - p.y, height - p.z)
            force = stiffness * error - damping * (v - SIMD3(target.vx, target.vy, 0))
        } else {
            // Held across the surface, pressing along its normal with the force asked.
            let n = target.normal
            func across(_ u: SIMD3<Double>) -> SIMD3<Double> { u - (u * n).sum() * n }
            let error = across(target.offset ?? SIMD3(target.x - p.x, target.y - p.y, 0))
            let slip = SIMD3(target.vx, target.vy, target.vz) - v
            // Across the surface the pull is capped: a pad held back (caught on a ridge, slowed by
            // friction) slips behind its target rather than being driven into the client.
            force = stiffness * error + damping * across(slip)
            let pull = (force * force).sum().squareRoot()
            if pull > maximumPull { force *= maximumPull / pull }
            if target.approach != 0 {
                force += approachDamping * ((slip * n).sum() - target.approach) * n
            } else {
                force += -target.normalForce * n + pressDamping * (slip * n).sum() * n
            }
        }
        let size = (force * force).sum().squareRoot()
        if size > maximumForce { force *= maximumForce / size }
        // Orientation error: half the vee of R_d R^T - R R_d^T (small-angle, world frame).
        let error = Self.rotationError(desired: orientation, actual: rotation)
        let moment = (0..<3).map { rotationStiffness * error[$0] - rotationDamping * w[$0] }
        let bias = world.biasForces
        var clamped = false
        let torques = (0..<nv).map { joint -> Double in
            var tau = bias[joint]
            for row in 0..<3 {
                tau += jp[row * stride + joint] * force[row] + jr[row * stride + joint] * moment[row]
            }
            let limit = limits[joint]
            if abs(tau) > limit { clamped = true }
            return min(max(tau, -limit), limit)
        }
        let manipulability = Self.manipulability(position: jp, rotation: jr, stride: stride, joints: nv)
        return Output(torques: torques, clamped: clamped, manipulability: manipulability)
    }

    static func rotationError(desired d: [Double], actual a: [Double]) -> [Double] {
        // E = R_d R_a^T; the error is the vee of (E - E^T) / 2.
        func e(_ i: Int, _ j: Int) -> Double { (0..<3).reduce(0) { $0 + d[i * 3 + $1] * a[j * 3 + $1] } }
        return [(e(2, 1) - e(1, 2)) / 2, (e(0, 2) - e(2, 0)) / 2, (e(1, 0) - e(0, 1)) / 2]
    }
}
