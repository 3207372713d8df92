/// The station as MuJoCo sees it: the floor, the massage table, the arm over it, and the client
/// lying on it when there is one (``BodySurface``).
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
              <asset>\(body?.asset ?? "")</asset>
              <worldbody>
                <geom name="floor" type="plane" size="3 3 0.1"/>
                <geom name="table" type="box" pos="0 0 \(table.top / 2)" size="\(table.length / 2) \(table.width / 2) \(table.top / 2)"/>
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
