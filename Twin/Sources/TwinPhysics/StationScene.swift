/// The station as MuJoCo sees it: the floor, the massage table, the arm over it on its gantry (drawn
/// only: it touches nothing), and the client lying on it when there is one (``BodySurface``).
public enum StationScene {
    /// The table: a box this long (x), wide (y), its top this high, metres.
    public static let table = (length: 2.0, width: 0.7, top: 0.75)

    /// The scene's MJCF at 1 kHz (MuJoCo's step, the station's loop rate), with elliptic friction
    /// cones: with MuJoCo's default pyramidal cones a pad sliding at 3 cm/s lost contact for a
    /// millisecond every 30 or so (the RMS normal-force error 5.3 N of 20; elliptic: under 2).
    public static func mjcf(
        arm: ArmGeometry = ArmGeometry(), client: BodySurface? = nil,
        tissue: (stiffness: Double, damping: Double) = (800, 200)
    ) -> String {
        let parts = arm.mjcf
        let body = client?.mjcf(stiffness: tissue.stiffness, damping: tissue.damping)
        return """
            <mujoco model="unknot-station">
              <compiler angle="radian"/>
              <option timestep="0.001" integrator="implicitfast" cone="elliptic"/>
              <visual>
                <global offwidth="1280" offheight="800"/>
                <quality shadowsize="4096"/>
                <headlight ambient="0.35 0.35 0.35" diffuse="0.45 0.45 0.45" specular="0.1 0.1 0.1"/>
              </visual>
              <asset>
                <texture name="sky" type="skybox" builtin="gradient" rgb1="0.93 0.94 0.96" rgb2="0.72 0.76 0.82" width="256" height="256"/>
                <texture name="floor" type="2d" builtin="checker" rgb1="0.82 0.8 0.76" rgb2="0.76 0.74 0.7" width="256" height="256"/>
                <material name="floor" texture="floor" texrepeat="8 8"/>
                <material name="table" rgba="0.22 0.3 0.36 1"/>
                <material name="frame" rgba="0.35 0.37 0.4 1"/>
                <material name="arm" rgba="0.8 0.82 0.85 1" specular="0.6" shininess="0.6"/>
                <material name="pad" rgba="0.95 0.55 0.2 1"/>
                \(body?.asset ?? "")
              </asset>
              <worldbody>
                <light name="ceiling" pos="0.3 -0.6 3" dir="-0.1 0.2 -1" diffuse="0.6 0.6 0.6" castshadow="true"/>
                <geom name="floor" type="plane" size="3 3 0.1" material="floor"/>
                <geom name="gantry_post" type="box" pos="\(arm.mount.x) \(arm.mount.y + 0.3) \((arm.mount.z + 0.12) / 2)" size="0.05 0.05 \((arm.mount.z + 0.12) / 2)" contype="0" conaffinity="0" material="frame"/>
                <geom name="gantry_beam" type="box" pos="\(arm.mount.x) \(arm.mount.y + 0.15) \(arm.mount.z + 0.08)" size="0.05 0.2 0.04" contype="0" conaffinity="0" material="frame"/>
                <geom name="table" type="box" pos="0 0 \(table.top / 2)" size="\(table.length / 2) \(table.width / 2) \(table.top / 2)" material="table"/>
                \(parts.bodies)
                \(body?.body ?? "")
              </worldbody>
              <actuator>
                \(parts.actuators)
              </actuator>
            </mujoco>
            """
    }
}
