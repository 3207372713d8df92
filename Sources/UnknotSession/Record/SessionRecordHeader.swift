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
    /// The plan's phases in order (empty in records written before they were kept).
    public var phases: [RecordedPhase]
    /// The arm the session ran on, as it said in its handshake: simulated or hardware, model
    /// and serial (`nil` in an in-process simulation, whose ``seed`` says it was one, and in
    /// records written before stations kept it).
    public var robot: RobotIdentity?
    /// What the plan left out, and why: the care plan's and the screening's areas, and the parts the
    /// station's arm said it cannot reach (empty in records written before they were kept).
    public var omissions: [Omission]

    public init(
        plan: SessionPlan, carePlan: CarePlan, startedAt: Double, client: String, seed: UInt64? = nil,
        robot: RobotIdentity? = nil
    ) {
        self.robot = robot
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
        phases = plan.phases.map(RecordedPhase.init)
        omissions = plan.omissions
    }

    /// The phase playing at plan time `t`, if any.
    public func phase(atPlanTime t: Int) -> RecordedPhase? { phases.first { $0.contains(planTime: t) } }

    enum CodingKeys: String, CodingKey {
        case format, programID, programName, minutes, date, startedAt, client, seed, carePlan, plannedStrokes, phases
        case robot, omissions
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        format = try c.decode(Int.self, forKey: .format)
        programID = try c.decode(String.self, forKey: .programID)
        programName = try c.decode(String.self, forKey: .programName)
        minutes = try c.decode(Int.self, forKey: .minutes)
        date = try c.decode(CalendarDate.self, forKey: .date)
        startedAt = try c.decode(Double.self, forKey: .startedAt)
        client = try c.decode(String.self, forKey: .client)
        seed = try c.decodeIfPresent(UInt64.self, forKey: .seed)
        carePlan = try c.decode(CarePlan.self, forKey: .carePlan)
        plannedStrokes = try c.decode(Int.self, forKey: .plannedStrokes)
        phases = try c.decodeIfPresent([RecordedPhase].self, forKey: .phases) ?? []
        robot = try c.decodeIfPresent(RobotIdentity.self, forKey: .robot)
        omissions = try c.decodeIfPresent([Omission].self, forKey: .omissions) ?? []
    }
}
