import UnknotCore
import UnknotSignals

/// What a session did, for the client's report and the studio's record.
public struct SessionSummary: Sendable, Hashable, Codable {
    public var programName: String
    public var bookedMinutes: Int
    public var finalState: SessionState
    public var endReason: String
    /// Plan time played, ms (equals the booked length when the session ran to its end).
    public var workedMilliseconds: Int
    /// Time paused, on a break or stopped by a fault, ms (not taken from the session).
    public var pausedMilliseconds: Int
    /// Reactions acted on, by kind.
    public var reactions: [ReactionKind: Int]
    /// Policy responses, by trigger.
    public var responses: [PolicyTrigger: Int]
    public var faults: [SafetyFault]
    public var checkInsAsked: Int
    public var checkInsAnswered: Int
    public var checkInsSkippedWhileAsleep: Int
    public var safety: SafetyInterventions
    /// Heart rhythm over the first three minutes and the last three.
    public var heartAtStart: HeartRhythm
    public var heartAtEnd: HeartRhythm
    /// Final level per worked area.
    public var levels: [AreaPressure]
    public var suggestions: [CarePlanSuggestion]
    /// The report's words about emotions during and after a massage.
    public var reassurance: String

    /// Heart-rate change from start to end, bpm (negative is calmer).
    public var heartRateChange: Double { heartAtEnd.heartRate - heartAtStart.heartRate }
    /// RMSSD change from start to end, ms (positive is more relaxed).
    public var rmssdChange: Double { heartAtEnd.rmssd - heartAtStart.rmssd }
}
