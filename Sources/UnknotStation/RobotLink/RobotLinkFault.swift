/// Fault codes the station's end of the robot link gives its ``UnknotSession/SensorFrame``s, in a
/// range no arm uses (arms' own codes pass through as they are).
public enum RobotLinkFault {
    /// The arm lifted and holds: no valid command reached it within its watchdog.
    public static let holding = 9_001
    /// In lockstep, the arm did not answer a command in time.
    public static let noReply = 9_002
    /// The system reports the arm's address unreachable (nothing listens there any more).
    public static let unreachable = 9_003
}
