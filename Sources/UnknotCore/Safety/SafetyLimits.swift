/// The station-wide limits that no plan, client request or bug may cross.
///
/// The planner builds within them and the live safety supervisor enforces them again on every
/// setpoint.
public enum SafetyLimits {
    /// Fastest allowed rise of the normal force, in newtons per second (no jolts).
    public static let maximumForceRise = 40.0
    /// Fastest planned fall of the normal force, in newtons per second. Safety actions
    /// (pain, break, fault) may drop force faster.
    public static let maximumForceFall = 80.0
    /// Pleasant stroke speeds over the skin, cm/s (CARE.md section 4).
    public static let strokeSpeed: ClosedRange<Double> = 1...10
    /// Contact at least this wide (cm) counts as broad.
    public static let broadContactWidth = 8.0
    /// Half-width of the strip along the spinous processes that is never touched, cm.
    public static let spineHalfWidth = 1.5
    /// Fastest repositioning move of the end effector with contact lifted, cm/s.
    public static let maximumTravelSpeed = 15.0
    /// Shortest lift between two strokes, milliseconds.
    public static let minimumLiftMilliseconds = 1_000
}
