import UnknotCore

/// Timings and thresholds of the live session. The defaults are the product's; tests may
/// shorten them.
public struct SessionConfiguration: Sendable, Hashable {
    /// Lifted time at the start while the client settles (not taken from the plan), ms.
    public var settleMilliseconds = 5_000
    /// Wind-down time at the end, ms.
    public var endingMilliseconds = 3_000
    /// An unanswered question leaves the console after this long, ms.
    public var checkInTimeoutMilliseconds = 30_000
    /// Telemetry period, ms (10 Hz).
    public var telemetryMilliseconds = 100
    /// What "more time here" adds, ms.
    public var moreTimeMilliseconds = 60_000
    /// Reactions below these confidences are recorded but not acted on.
    public var minimumConfidence: [ReactionKind: Double] = [
        .pain: 0.6, .crying: 0.6, .laughter: 0.6, .sigh: 0.5, .relaxation: 0.5, .sleep: 0.7, .digestiveNoise: 0.5,
    ]
    /// A spot within this distance (cm) of a learned spot is the same spot.
    public var sameSpotDistance = 5.0
    /// Radius of a spot learned from a reaction, cm.
    public var learnedSpotRadius = 4.0
    /// A detector's sleep is ignored this long after the client touched a control, ms.
    public var awakeAfterControlMilliseconds = 60_000

    public init() {}
}
