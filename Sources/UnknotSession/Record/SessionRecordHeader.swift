import UnknotCore

/// The first line of a session record: what was played, for whom, and from when.
public struct SessionRecordHeader: Sendable, Hashable, Codable {
    public static let currentFormat = 1

    public var format: Int
    public var programID: String
    public var programName: String
    public var minutes: Int
    public var date: CalendarDate
    /// Wall-clock start, seconds since 1970 (0 for a simulation on a virtual clock).
    public var startedAt: Double
    /// Who or what the client was: "client" on a station, the persona's name in a simulation.
    public var client: String
    public var seed: UInt64?
    public var carePlan: CarePlan
    public var plannedStrokes: Int

    public init(
        plan: SessionPlan, carePlan: CarePlan, startedAt: Double, client: String, seed: UInt64? = nil
    ) {
        format = Self.currentFormat
        programID = plan.programID
        programName = plan.programName
        minutes = plan.minutes
        date = plan.date
        self.startedAt = startedAt
        self.client = client
        self.seed = seed
        self.carePlan = carePlan
        plannedStrokes = plan.strokes.count
    }
}
