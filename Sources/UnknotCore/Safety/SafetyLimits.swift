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

    /// Largest movement of the contact between two 1 ms setpoints, as a fraction above the
    /// stroke speed limit: rounding in a path's arc length, not motion (a 10 cm/s stroke moves
    /// 0.1 mm a tick; 0.11 mm passes, anything more is a jump and lifts the arm).
    public static let stepTolerance = 0.1
    /// Force a sensor may read with nothing touching it, newtons: the noise floor of a
    /// six-axis wrist sensor after bias removal is about 1 N; 5 N leaves room for cable drag and
    /// acceleration. More than this with the arm lifted and settled is a bump or a broken
    /// sensor, and faults the session; less than its negative is an impossible reading.
    public static let forceNoiseFloor = 5.0
    /// Time the end effector is given to leave the skin after a lift before any force it still
    /// reads counts as force without contact, milliseconds (a lift from the highest ceiling
    /// decays below the noise floor in about 30 ms on the simulated arm; real arms are quoted at
    /// 50-80 ms).
    public static let liftSettleMilliseconds = 100

    /// A bump: the measured force in contact above the force the arm was told to press by this
    /// factor and margin (`reference × bumpFactor + bumpMargin`, never above the ceiling) is the
    /// table jolted or the client moving, not the stroke: the arm lifts on the next setpoint and
    /// stays off the skin for ``bumpHoldMilliseconds``, then lands again at the rise limit. (Force
    /// control on a compliant body tracks within about 10 % and a few newtons, and a landing
    /// overshoots a light press by up to 12 N on the twin: the margin is above both. Above the
    /// ceiling it is a fault, which only the client's Resume clears.) The reference
    /// is the force commanded, falling no faster than ``maximumForceFall``: when a press is cut at
    /// once (pain), the tissue still pushing back for a few tens of milliseconds is no bump.
    public static let bumpFactor = 1.5
    public static let bumpMargin = 20.0
    public static let bumpHoldMilliseconds = 1_000

    /// The bump's reference after one more 1 ms setpoint commanding `commanded` newtons (0 lifted).
    public static func bumpReference(previous: Double, commanded: Double) -> Double {
        max(commanded, previous - maximumForceFall / 1_000)
    }

    /// The measured force that is a bump for a bump reference and the contact's ceiling.
    public static func bumpLimit(reference: Double, ceiling: Double) -> Double {
        min(ceiling, reference * bumpFactor + bumpMargin)
    }
}
