import UnknotCore

/// A session anyone can script: who is on the table (a persona, its traits and care plan),
/// which program for how long, what happens when (``ScenarioStep``) and what the session must
/// then have done (``ScenarioExpectation``). Read from JSON or YAML by ``read(_:)``; run by
/// ``ScenarioRun``, which checks every expectation and says which held.
///
/// Guarantees: a scenario that reads without problems runs deterministically for its seed; the
/// client and the robot are simulations, and every report says so.
public struct Scenario: Sendable {
    /// A short name (the file's, when none is given).
    public var name: String
    /// What the scenario shows, in a sentence (e.g. the CARE.md row it checks).
    public var about: String
    public var program: String
    public var minutes: Int
    public var seed: UInt64
    /// Reactions read from the body signals by the station's detector, not the modelled reports.
    public var readsSignals: Bool
    public var date: CalendarDate?
    /// Stop the run at this session time (ms), for scenarios about one moment; `nil` runs the
    /// whole session.
    public var until: Int?
    public var persona: Persona
    public var steps: [ScenarioStep]
    public var expectations: [ScenarioExpectation]

    /// The day a scenario without a date is planned for: fixed, so a run is the same whatever
    /// day it runs on.
    public static let defaultDate = CalendarDate(year: 2026, month: 1, day: 5) ?? .today()

    public init(
        name: String, about: String = "", program: String, minutes: Int, seed: UInt64 = 1, readsSignals: Bool = false,
        date: CalendarDate? = nil, until: Int? = nil, persona: Persona, steps: [ScenarioStep] = [],
        expectations: [ScenarioExpectation] = []
    ) {
        self.name = name
        self.about = about
        self.program = program
        self.minutes = minutes
        self.seed = seed
        self.readsSignals = readsSignals
        self.date = date
        self.until = until
        self.persona = persona
        self.steps = steps
        self.expectations = expectations
    }
}

/// A scenario that cannot be run, with every problem found in it.
public struct ScenarioError: Error, Sendable, CustomStringConvertible {
    public var problems: [FieldProblem]

    public init(problems: [FieldProblem]) { self.problems = problems }

    public var description: String {
        "the scenario has \(problems.count) problem\(problems.count == 1 ? "" : "s"):\n"
            + problems.map { "  - \($0)" }.joined(separator: "\n")
    }
}
