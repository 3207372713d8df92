import UnknotCore

/// Why no plan could be made, in words the client or the studio can act on.
public enum PlanningError: Error, Sendable, CustomStringConvertible, Equatable {
    case lengthNotOffered(program: String, minutes: Int, lengths: [Int])
    case invalidCarePlan([CarePlanProblem])
    case invalidBody([String])
    case refused(reasons: [String])
    case noFocusArea(program: String)
    case nothingToWork(omissions: [Omission])

    public var description: String {
        switch self {
        case .lengthNotOffered(let program, let minutes, let lengths):
            return "\(program) is not offered for \(minutes) minutes; choose "
                + lengths.map(String.init).joined(separator: ", ") + " minutes"
        case .invalidCarePlan(let problems):
            return CarePlanError(problems: problems).description
        case .invalidBody(let problems):
            return "the body measurements cannot be used:\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
        case .refused(let reasons):
            return "this session cannot take place:\n" + reasons.map { "  - \($0)" }.joined(separator: "\n")
        case .noFocusArea(let program):
            return "\(program) works one focus area; add one to the care plan's focusAreas (e.g. \"shoulders\")"
        case .nothingToWork(let omissions):
            return "nothing is left to work on:\n"
                + omissions.map { "  - \($0.area): \($0.reason)" }.joined(separator: "\n")
        }
    }
}
