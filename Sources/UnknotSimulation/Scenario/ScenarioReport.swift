import UnknotSession

/// What a scenario run found: each expectation with whether it held and what was seen.
public struct ScenarioReport: Sendable, Hashable {
    public struct Outcome: Sendable, Hashable {
        public var expectation: ScenarioExpectation
        public var held: Bool
        /// What was seen, with times (e.g. "paused at 9:24.3, 0.8 s after the tears began").
        public var detail: String
    }

    public var scenario: String
    public var outcomes: [Outcome]

    /// Whether every expectation held.
    public var passed: Bool { outcomes.allSatisfy(\.held) }

    /// The report in lines for a terminal: one per expectation, then the verdict.
    public func lines() -> [String] {
        var out = outcomes.map { "\($0.held ? "✓" : "✗") \($0.expectation.words): \($0.detail)" }
        let failed = outcomes.filter { !$0.held }.count
        out.append(
            outcomes.isEmpty
                ? "Scenario \"\(scenario)\": no expectations to check."
                : failed == 0
                    ? "Scenario \"\(scenario)\": all \(outcomes.count) expectations held."
                    : "Scenario \"\(scenario)\": \(failed) of \(outcomes.count) expectations did not hold.")
        return out
    }
}
