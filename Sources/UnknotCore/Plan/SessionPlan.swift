/// A whole session planned for one client, body and program: phases, then the strokes the
/// robot performs, second by second.
///
/// Guarantees (checked by property tests over random clients, bodies and programs):
/// `durationMilliseconds` equals the booked minutes exactly; strokes are in time order, never
/// overlap, leave time between them to lift and move (at least
/// ``SafetyLimits/minimumLiftMilliseconds``, travelling no faster than
/// ``SafetyLimits/maximumTravelSpeed``) and end within the session; no contact, even at a
/// stroke's edge, reaches an avoided or unconsented area; every stroke's force stays within the
/// client's level, the pain limit and the region's ceiling, and rises no faster than
/// ``SafetyLimits/maximumForceRise``; no point pressure touches an endangerment zone and nothing
/// touches the spine.
public struct SessionPlan: Codable, Sendable, Hashable {
    public var programID: String
    public var programName: String
    public var minutes: Int
    public var durationMilliseconds: Int
    public var date: CalendarDate
    public var body: BodyMeasurements
    public var painLimit: PressureLevel
    public var screening: ScreeningOutcome
    public var phases: [PlannedPhase]
    public var strokes: [Stroke]
    /// Areas of the program left out, each with the reason.
    public var omissions: [Omission]
    /// Adjustments made for the client, in plain words.
    public var notes: [String]

    public init(
        programID: String, programName: String, minutes: Int, durationMilliseconds: Int, date: CalendarDate,
        body: BodyMeasurements, painLimit: PressureLevel, screening: ScreeningOutcome, phases: [PlannedPhase],
        strokes: [Stroke], omissions: [Omission], notes: [String]
    ) {
        self.programID = programID
        self.programName = programName
        self.minutes = minutes
        self.durationMilliseconds = durationMilliseconds
        self.date = date
        self.body = body
        self.painLimit = painLimit
        self.screening = screening
        self.phases = phases
        self.strokes = strokes
        self.omissions = omissions
        self.notes = notes
    }

    /// Every part of the body the plan works on.
    public var plannedParts: [BodyPartID] {
        Array(Set(phases.flatMap { $0.regions.map(\.part) })).sorted()
    }
}
