import UnknotCore
import UnknotSession

/// What a running station shows outside its loop, refreshed every 100 ms of station time: the
/// session's state for the console and the staff floor, and the loop's own health.
public struct StationStatus: Sendable, Hashable {
    /// Station time, ms since the session started (pauses included).
    public var time = 0
    /// Plan time, ms (pauses excluded), and what is left of the plan.
    public var planTime = 0
    public var remaining = 0
    public var state = SessionState.ready
    public var emergencyStopped = false
    /// Whether the fault the engine is in would clear now (Resume would carry on).
    public var faultWouldClear = false
    public var contact = false
    public var part: BodyPartID?
    /// The pressure level in effect where the arm is (0 when lifted).
    public var level = 0
    /// Measured normal force, N.
    public var force = 0.0
    public var heartRate = 0.0
    public var finished = false
    /// Ticks run, and how late they started against the 1 kHz schedule (real time only).
    public var ticks = 0
    public var lateness = TickLateness.Summary()
    public var hardware = HardwareLifecycle.unconfigured
    /// Whether the system runs the loop's thread as real-time (`SCHED_FIFO`); without it a busy
    /// machine can start a tick late by milliseconds.
    public var realTimeScheduling = false
    /// Ticks whose setpoint the hardware refused to take.
    public var writeFailures = 0

    public init() {}
}

extension TickLateness {
    /// Lateness figures in milliseconds.
    public struct Summary: Sendable, Hashable {
        public var p50 = 0.0
        public var p99 = 0.0
        public var max = 0.0
        /// Which tick was the latest (1 = the first).
        public var latestTick = 0

        public init() {}
    }

    public var figures: Summary {
        var summary = Summary()
        summary.p50 = Double(percentile(0.5)) / 1_000
        summary.p99 = Double(percentile(0.99)) / 1_000
        summary.max = Double(maximum) / 1_000
        summary.latestTick = latestTick
        return summary
    }
}
