import UnknotCore

/// Muscle guarding read from the robot's force sensing: the tissue under the contact stiffens
/// well above what it was as the stroke began, or the measured force spikes above the target.
///
/// Inputs: each sensor frame and the setpoint the robot is following. Output: evidence of pain,
/// at most once per episode. State: how long the pad has been on the skin as *measured*, a fast
/// and a slow average of the tissue's stiffness and how long each sign has held. Allocates nothing.
///
/// The baseline is taken once the pad has landed — the measured force at half the target with
/// tissue under it — not when contact was commanded: a real arm takes its time to come down, and
/// a baseline read in the air (stiffness 0) would make its landing look like guarding. It is the
/// softest the tissue was (its fast average) over the 300 ms the press settles in, so guarding
/// that begins while the pad is still pressing in is measured against the tissue before it.
struct GuardingWatch: Sendable {
    private var stiffnessFast = 0.0
    private var stiffnessSlow = 0.0
    private var landedTicks = 0
    private var gapTicks = 0
    private var guardingTicks = 0
    private var spikeTicks = 0
    private var quietUntil = 0

    /// Below this target force (N) the contact is too light to read guarding from.
    static let minimumForce = 2.0
    /// The first 300 ms after the pad has landed set the baseline (the tissue is still being loaded).
    static let baselineTicks = 300
    /// Frames in a row without the pad on the skin that do not restart a settling press.
    static let gapTicksTolerated = 10
    /// Landed: the measured force at this share of the target, with tissue under the pad.
    static let landedShare = 0.5
    /// Weights of the fast (≈ 50 ms) and slow (≈ 5 s) stiffness averages, per millisecond.
    static let fastWeight = 0.02
    static let slowWeight = 0.0002
    /// Stiffening: the fast average above the slow one × 1.35 + 0.3 N/cm…
    static let stiffeningRatio = 1.35
    static let stiffeningMargin = 0.3
    /// …for 200 ms.
    static let guardingTicksNeeded = 200
    /// A spike: measured force above the target × 1.3 + 3 N for 50 ms.
    static let spikeRatio = 1.3
    static let spikeMargin = 3.0
    static let spikeTicksNeeded = 50

    /// Whether the tissue is stiffening now.
    var isGuarding: Bool { guardingTicks > 0 }

    /// No report before `time` (after a pain response, while the level comes down).
    mutating func quiet(until time: Int) { quietUntil = time }

    /// Reads one frame. `working` says the plan is moving; returns the evidence once guarding or
    /// a spike has held long enough.
    mutating func observe(
        _ frame: SensorFrame, following setpoint: Setpoint, working: Bool, at now: Int
    ) -> ReactionEvidence? {
        guard setpoint.contact, setpoint.normalForce > Self.minimumForce, working else {
            landedTicks = 0
            gapTicks = 0
            guardingTicks = 0
            spikeTicks = 0
            return nil
        }
        let k = frame.tissueStiffness
        let landed = k > 0 && frame.measuredForce >= setpoint.normalForce * Self.landedShare
        // In the air, or lifted by a bounce: the next landing takes a new baseline. A spike needs
        // force, so nothing is missed while the pad is not on the skin. A reading lost for a few
        // milliseconds while the press settles (a pad crossing the edges of a contact mesh) is
        // skipped, not a new landing: restarted, the baseline was read from tissue already guarding.
        guard landed || landedTicks >= Self.baselineTicks else {
            if landedTicks > 0, gapTicks < Self.gapTicksTolerated {
                gapTicks += 1
                return nil
            }
            landedTicks = 0
            gapTicks = 0
            guardingTicks = 0
            spikeTicks = 0
            return nil
        }
        gapTicks = 0
        landedTicks += 1
        if landedTicks <= Self.baselineTicks {
            // The baseline is the softest the tissue was while the press settled: a muscle that
            // guards as the pad presses in (a sore spot pressed past its threshold on the way to
            // the target) must not set its own guarded stiffness as the baseline.
            if landedTicks == 1 {
                stiffnessFast = k
                stiffnessSlow = k
            } else {
                stiffnessFast += (k - stiffnessFast) * Self.fastWeight
                stiffnessSlow = min(stiffnessSlow, stiffnessFast)
            }
            guardingTicks = 0
            spikeTicks = 0
            return nil
        }
        stiffnessFast += (k - stiffnessFast) * Self.fastWeight
        stiffnessSlow += (k - stiffnessSlow) * Self.slowWeight
        let stiffening = stiffnessFast > stiffnessSlow * Self.stiffeningRatio + Self.stiffeningMargin
        guardingTicks = stiffening ? guardingTicks + 1 : 0
        let spike = frame.measuredForce > setpoint.normalForce * Self.spikeRatio + Self.spikeMargin
        spikeTicks = spike ? spikeTicks + 1 : 0
        guard now >= quietUntil else { return nil }
        guard guardingTicks >= Self.guardingTicksNeeded || spikeTicks >= Self.spikeTicksNeeded else { return nil }
        let evidence: ReactionEvidence = guardingTicks >= Self.guardingTicksNeeded ? .guarding : .forceSpike
        guardingTicks = 0
        spikeTicks = 0
        return evidence
    }
}
