import Foundation

/// One thing wrong with a care plan: the field, what is wrong, and how to fix it.
public struct CarePlanProblem: Sendable, Hashable, CustomStringConvertible {
    /// A JSON-style path to the field, e.g. `pressure.byArea[1].level`.
    public var field: String
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field): \(message)" }
}

/// A care plan that cannot be used, with every problem found.
public struct CarePlanError: Error, Sendable, CustomStringConvertible {
    public var problems: [CarePlanProblem]

    public init(problems: [CarePlanProblem]) { self.problems = problems }

    public var description: String {
        "the care plan has \(problems.count) problem\(problems.count == 1 ? "" : "s"):\n"
            + problems.map { "  - \($0)" }.joined(separator: "\n")
    }
}
