import CMuJoCo

/// A MuJoCo model and its state, compiled from MJCF: the world the twin steps.
///
/// Guarantees: a model MuJoCo refuses is a thrown ``PhysicsWorld/Failure`` with MuJoCo's own
/// words (never a crash); the model, its data and its spec are freed with the world; one world is
/// stepped by one thread at a time (it is not `Sendable`).
public final class PhysicsWorld {
    /// Why MuJoCo could not build a world.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    let spec: UnsafeMutablePointer<mjSpec>
    let model: UnsafeMutablePointer<mjModel>
    let data: UnsafeMutablePointer<mjData>

    /// Compiles `mjcf` (MuJoCo's XML).
    public init(mjcf: String) throws(Failure) {
        var error = [CChar](repeating: 0, count: 1_000)
        guard let spec = mj_parseXMLString(mjcf, nil, &error, Int32(error.count)) else {
            throw Failure(description: "MuJoCo could not read the model: \(Self.text(error))")
        }
        guard let model = mj_compile(spec, nil) else {
            let message = String(cString: mjs_getError(spec))
            mj_deleteSpec(spec)
            throw Failure(description: "MuJoCo could not compile the model: \(message)")
        }
        guard let data = mj_makeData(model) else {
            mj_deleteModel(model)
            mj_deleteSpec(spec)
            throw Failure(description: "MuJoCo could not allocate the model's state")
        }
        self.spec = spec
        self.model = model
        self.data = data
    }

    deinit {
        mj_deleteData(data)
        mj_deleteModel(model)
        mj_deleteSpec(spec)
    }

    /// MuJoCo's version, e.g. "4.0.1".
    public static var version: String { String(cString: mj_versionString()) }

    /// The simulation's time step, in seconds.
    public var timestep: Double { model.pointee.opt.timestep }

    /// The simulated time, in seconds.
    public var time: Double { data.pointee.time }

    /// Advances the world by one time step.
    public func step() { mj_step(model, data) }

    /// The generalized positions (`qpos`).
    public var positions: [Double] {
        get { Self.read(data.pointee.qpos, model.pointee.nq) }
        set { Self.write(newValue, to: data.pointee.qpos, model.pointee.nq) }
    }

    /// The generalized velocities (`qvel`).
    public var velocities: [Double] { Self.read(data.pointee.qvel, model.pointee.nv) }

    /// The actuators' controls (`ctrl`), clamped by MuJoCo to each one's range when stepped.
    public var controls: [Double] {
        get { Self.read(data.pointee.ctrl, model.pointee.nu) }
        set { Self.write(newValue, to: data.pointee.ctrl, model.pointee.nu) }
    }

    /// Gravity, Coriolis and centrifugal forces on each degree of freedom now (`qfrc_bias`), as
    /// of the last step or ``forward()``.
    public var biasForces: [Double] { Self.read(data.pointee.qfrc_bias, model.pointee.nv) }

    private static func read(_ values: UnsafeMutablePointer<Double>, _ count: some BinaryInteger) -> [Double] {
        Array(UnsafeBufferPointer(start: values, count: Int(count)))
    }

    /// Writes at most `count` values; extra ones are ignored, missing ones left as they are.
    private static func write(_ values: [Double], to target: UnsafeMutablePointer<Double>, _ count: some BinaryInteger)
    {
        for (i, value) in values.prefix(Int(count)).enumerated() { target[i] = value }
    }

    /// Computes positions, forces and contacts for the current state without stepping.
    public func forward() { mj_forward(model, data) }

    /// Computes only where every body and site is for the current positions (and what the
    /// Jacobians need): no forces, no contacts — the cheap half of ``forward()``, for kinematics.
    public func kinematics() {
        mj_kinematics(model, data)
        mj_comPos(model, data)
    }

    /// Where a named site is now, metres in the world frame (as of the last step or ``forward()``);
    /// `nil` for a name the model does not have.
    public func site(_ name: String) -> SIMD3<Double>? {
        let id = mj_name2id(model, Int32(mjOBJ_SITE.rawValue), name)
        guard id >= 0 else { return nil }
        let p = data.pointee.site_xpos + Int(id) * 3
        return SIMD3(p[0], p[1], p[2])
    }

    /// A named site's translational and rotational Jacobians (3 × nv each, row-major), as of
    /// the last step or ``forward()``; `nil` for a name the model does not have.
    public func siteJacobians(_ name: String) -> (position: [Double], rotation: [Double])? {
        let id = mj_name2id(model, Int32(mjOBJ_SITE.rawValue), name)
        guard id >= 0 else { return nil }
        let nv = Int(model.pointee.nv)
        var position = [Double](repeating: 0, count: 3 * nv)
        var rotation = [Double](repeating: 0, count: 3 * nv)
        mj_jacSite(model, data, &position, &rotation, id)
        return (position, rotation)
    }

    /// A named site's orientation (3 × 3, row-major), as of the last step or ``forward()``.
    public func siteRotation(_ name: String) -> [Double]? {
        let id = mj_name2id(model, Int32(mjOBJ_SITE.rawValue), name)
        guard id >= 0 else { return nil }
        let r = data.pointee.site_xmat + Int(id) * 9
        return (0..<9).map { r[$0] }
    }

    /// The summed normal force of a named geom's contacts now, N (0 when it touches nothing).
    public func contactNormalForce(geom name: String) -> Double { contact(geom: name).force }

    /// A named geom's contacts now, in one pass: their summed normal force (N), where it touches
    /// (world, metres: the contact points weighted by their normal forces; `nil` when it touches
    /// nothing) and the contact's normal (unit, pointing from what it touches toward the geom,
    /// weighted alike; `nil` with the point).
    public func contact(geom name: String) -> (force: Double, point: SIMD3<Double>?, normal: SIMD3<Double>?) {
        let id = mj_name2id(model, Int32(mjOBJ_GEOM.rawValue), name)
        guard id >= 0 else { return (0, nil, nil) }
        var total = 0.0
        var pressing = 0.0
        var point = SIMD3<Double>(0, 0, 0)
        var normal = SIMD3<Double>(0, 0, 0)
        var wrench = [Double](repeating: 0, count: 6)
        for i in 0..<Int(data.pointee.ncon) {
            let contact = data.pointee.contact[i]
            guard contact.geom.0 == id || contact.geom.1 == id else { continue }
            mj_contactForce(model, data, Int32(i), &wrench)
            total += wrench[0]
            guard wrench[0] > 0 else { continue }
            pressing += wrench[0]
            point += wrench[0] * SIMD3(contact.pos.0, contact.pos.1, contact.pos.2)
            // MuJoCo's frame's first axis points from the first geom to the second.
            let axis = SIMD3(contact.frame.0, contact.frame.1, contact.frame.2)
            normal += wrench[0] * (contact.geom.1 == id ? axis : -axis)
        }
        let length = (normal * normal).sum().squareRoot()
        return (total, pressing > 0 ? point / pressing : nil, length > 0 ? normal / length : nil)
    }

    /// Turns a named slide joint to move along `axis` (unit, in its body's frame) from the next
    /// step, keeping its body where it is along the new axis (the part of its displacement across
    /// it is let go: turned a little at a time, as a spring following the surface under a moving
    /// pad is, that part is small).
    public func setAxis(joint name: String, _ axis: SIMD3<Double>) {
        let id = mj_name2id(model, Int32(mjOBJ_JOINT.rawValue), name)
        guard id >= 0 else { return }
        let a = model.pointee.jnt_axis + Int(id) * 3
        let q = data.pointee.qpos + Int(model.pointee.jnt_qposadr[Int(id)])
        let displacement = q.pointee * SIMD3(a[0], a[1], a[2])
        a[0] = axis.x
        a[1] = axis.y
        a[2] = axis.z
        q.pointee = (displacement * axis).sum()
    }

    /// A named slide joint's axis now (unit, in its body's frame); straight up for an unknown name.
    public func axis(joint name: String) -> SIMD3<Double> {
        let id = mj_name2id(model, Int32(mjOBJ_JOINT.rawValue), name)
        guard id >= 0 else { return SIMD3(0, 0, 1) }
        let a = model.pointee.jnt_axis + Int(id) * 3
        return SIMD3(a[0], a[1], a[2])
    }

    /// A named slide joint's displacement now (world frame for a body on the world, metres).
    public func displacement(joint name: String) -> SIMD3<Double> {
        let id = mj_name2id(model, Int32(mjOBJ_JOINT.rawValue), name)
        guard id >= 0 else { return .zero }
        let a = model.pointee.jnt_axis + Int(id) * 3
        return data.pointee.qpos[Int(model.pointee.jnt_qposadr[Int(id)])] * SIMD3(a[0], a[1], a[2])
    }

    /// A named joint's spring stiffness (N/m for a slide joint), changed for the next steps.
    public func setStiffness(joint name: String, _ stiffness: Double) {
        let id = mj_name2id(model, Int32(mjOBJ_JOINT.rawValue), name)
        guard id >= 0 else { return }
        model.pointee.jnt_stiffness[Int(id)] = stiffness
    }

    /// A named joint's damping (N s/m for a slide joint), changed for the next steps.
    public func setDamping(joint name: String, _ damping: Double) {
        let id = mj_name2id(model, Int32(mjOBJ_JOINT.rawValue), name)
        guard id >= 0 else { return }
        model.pointee.dof_damping[Int(model.pointee.jnt_dofadr[Int(id)])] = damping
    }

    /// A named one-degree joint's position now (metres for a slide joint); 0 for an unknown name.
    public func position(joint name: String) -> Double {
        let id = mj_name2id(model, Int32(mjOBJ_JOINT.rawValue), name)
        guard id >= 0 else { return 0 }
        return data.pointee.qpos[Int(model.pointee.jnt_qposadr[Int(id)])]
    }

    /// Pushes a named body with `force` (N, world frame, at its centre of mass) from the next step
    /// on, until pushed again (`.zero` stops it): someone moving, or the table jolted.
    public func push(body name: String, force: SIMD3<Double>) {
        let id = mj_name2id(model, Int32(mjOBJ_BODY.rawValue), name)
        guard id >= 0 else { return }
        let applied = data.pointee.xfrc_applied + Int(id) * 6
        (applied[0], applied[1], applied[2]) = (force.x, force.y, force.z)
    }

    /// How many contacts are active now.
    public var contactCount: Int { Int(data.pointee.ncon) }

    private static func text(_ buffer: [CChar]) -> String {
        buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }
}
