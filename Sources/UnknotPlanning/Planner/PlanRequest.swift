import UnknotCore

/// Everything the planner needs for one session.
public struct PlanRequest: Sendable {
    public var program: Program
    public var minutes: Int
    public var carePlan: CarePlan
    public var body: BodyModel
    /// The day of the session (contraindications such as recent surgery depend on it).
    public var date: CalendarDate
    /// Parts the station's arm cannot work, and why (its reach check before the session, issue #19):
    /// left out like untouchable parts, their time given to the rest, each an omission with its reason.
    public var outOfReach: [BodyPartID: String] = [:]

    public init(program: Program, minutes: Int, carePlan: CarePlan, body: BodyModel, date: CalendarDate) {
        self.program = program
        self.minutes = minutes
        self.carePlan = carePlan
        self.body = body
        self.date = date
    }
}
