/// The twin's arm: six revolute axes in the layout of the collaborative arms studios buy
/// (shoulder pan, shoulder lift, elbow, three wrist axes), with the link lengths, masses and limits
/// of a 1.3 m-reach, 12.5 kg-payload class arm (figures of Universal Robots' public UR10e data
/// sheet and its published kinematic and dynamic parameters, rounded), a padded end effector, and
/// a mount beside the massage table (a pillar or a ceiling rail).
///
/// Guarantees: every figure is a plain stored property with its unit in its name or doc, so a
/// test or the documentation can state them; ``mjcf`` is built from them and nothing else.
public struct ArmGeometry: Sendable, Hashable {
    /// Where the arm's base is mounted, metres in the station's frame (x along the table, z up):
    /// beside the table, 60 cm from its centre line, 95 cm over its top, hanging down. Not over the
    /// table: an arm of this layout is singular with its wrist on the pan axis, and mounted over the
    /// middle of the table (as the first twin was) it could not hold the pad over the hips beneath it
    /// (13-21 cm off at 25 cm over the table); from here every point over the body is held within 5 mm.
    public var mount = SIMD3<Double>(0, 0.6, 1.7)
    /// Shoulder height above the base, metres.
    public var shoulderHeight = 0.181
    /// Upper arm and forearm lengths, metres.
    public var upperArm = 0.613
    public var forearm = 0.572
    /// Wrist offsets (wrist 1 to 2, wrist 2 to 3, wrist 3 to the flange), metres.
    public var wrist = [0.174, 0.120, 0.117]
    /// Link masses, kg: shoulder, upper arm, forearm, wrist 1, wrist 2, wrist 3.
    public var masses = [7.37, 13.05, 3.99, 2.10, 1.98, 0.62]
    /// Torque limits of the six joints, N m.
    public var torqueLimits = [330.0, 330.0, 150.0, 56.0, 56.0, 56.0]
    /// Joint ranges, radians (the elbow a half turn each way, the others a full turn).
    public var jointRanges: [ClosedRange<Double>] = [
        -2 * .pi...2 * .pi, -2 * .pi...2 * .pi, -.pi...(.pi), -2 * .pi...2 * .pi, -2 * .pi...2 * .pi,
        -2 * .pi...2 * .pi,
    ]
    /// The padded end effector: a sphere of this radius (metres) past the flange, soft on contact.
    public var padRadius = 0.045
    /// The pad's sliding friction: a cloth-covered pad on oiled skin or a sheet (0.1-0.3 in
    /// measurements of skin friction with lubricants), not rubber on wood (about 1, MuJoCo's default).
    public var padFriction = 0.25
    /// Joint damping (N m s/rad) and armature (kg m²), the drives' friction and rotor inertia.
    public var damping = 2.0
    public var armature = 0.1

    public init() {}

    /// The names of the six joints, base first.
    public static let joints = ["shoulder_pan", "shoulder_lift", "elbow", "wrist_1", "wrist_2", "wrist_3"]

    /// The arm as MJCF `<body>` elements (to go in a `<worldbody>` compiled with angles in radians)
    /// and its `<actuator>` motors, torque-controlled within ``torqueLimits``.
    public var mjcf: (bodies: String, actuators: String) {
        func range(_ i: Int) -> String { "\(jointRanges[i].lowerBound) \(jointRanges[i].upperBound)" }
        func joint(_ i: Int, axis: String) -> String {
            "<joint name=\"\(Self.joints[i])\" axis=\"\(axis)\" range=\"\(range(i))\" damping=\"\(damping)\" armature=\"\(armature)\"/>"
        }
        func capsule(to end: String, radius: Double, mass: Double) -> String {
            "<geom type=\"capsule\" fromto=\"0 0 0 \(end)\" size=\"\(radius)\" mass=\"\(mass)\" contype=\"0\" conaffinity=\"0\" material=\"arm\"/>"
        }
        // Hanging from the ceiling: the base's z axis points down, so "up" along the arm is -z.
        let bodies = """
            <body name="base" pos="\(mount.x) \(mount.y) \(mount.z)" quat="0 1 0 0">
              <geom type="cylinder" size="0.075 0.04" mass="4" contype="0" conaffinity="0" material="arm"/>
              <body name="shoulder" pos="0 0 \(shoulderHeight)">
                \(joint(0, axis: "0 0 1"))
                \(capsule(to: "0 0.12 0", radius: 0.06, mass: masses[0]))
                <body name="upper_arm" pos="0 0.176 0">
                  \(joint(1, axis: "0 1 0"))
                  \(capsule(to: "0 0 \(upperArm)", radius: 0.055, mass: masses[1]))
                  <body name="forearm" pos="0 -0.137 \(upperArm)">
                    \(joint(2, axis: "0 1 0"))
                    \(capsule(to: "0 0 \(forearm)", radius: 0.045, mass: masses[2]))
                    <body name="wrist_1" pos="0 0 \(forearm)">
                      \(joint(3, axis: "0 1 0"))
                      \(capsule(to: "0 \(wrist[0]) 0", radius: 0.04, mass: masses[3]))
                      <body name="wrist_2" pos="0 \(wrist[0]) 0">
                        \(joint(4, axis: "0 0 1"))
                        \(capsule(to: "0 0 \(wrist[1])", radius: 0.04, mass: masses[4]))
                        <body name="wrist_3" pos="0 0 \(wrist[1])">
                          \(joint(5, axis: "0 1 0"))
                          \(capsule(to: "0 \(wrist[2]) 0", radius: 0.035, mass: masses[5]))
                          <body name="pad" pos="0 \(wrist[2] + padRadius) 0">
                            <geom name="pad" type="sphere" size="\(padRadius)" mass="0.3" priority="1" contype="3" conaffinity="3" friction="\(padFriction) 0.005 0.0001" solref="0.02 1" solimp="0.8 0.95 0.005" material="pad"/>
                            <site name="pad_centre" size="0.01"/>
                          </body>
                        </body>
                      </body>
                    </body>
                  </body>
                </body>
              </body>
            </body>
            """
        let actuators = Self.joints.enumerated().map { i, name in
            "<motor name=\"\(name)\" joint=\"\(name)\" ctrlrange=\"\(-torqueLimits[i]) \(torqueLimits[i])\" ctrllimited=\"true\"/>"
        }.joined(separator: "\n")
        return (bodies, actuators)
    }
}
