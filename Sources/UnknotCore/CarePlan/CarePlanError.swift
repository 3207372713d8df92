import Foundation

/// One thing wrong with a care plan: the field, what is wrong, and how to fix it.
public typealias CarePlanProblem = FieldProblem

/// A care plan that cannot be used, with every problem found.
public struct CarePlanError: Error, Sendable, CustomStringConvertible {
    public var problems: [CarePlanProblem]

    public init(problems: [CarePlanProblem]) { self.problems = problems }

    public var description: String {
        "the care plan has \(problems.count) problem\(problems.count == 1 ? "" : "s"):\n"
            + problems.map { "  - \($0)" }.joined(separator: "\n")
    }
}
