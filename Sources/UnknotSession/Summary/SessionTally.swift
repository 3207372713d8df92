import UnknotCore

/// What the engine counts along the way for the summary. Touched only when something happens,
/// never on a quiet tick.
struct SessionTally: Sendable {
    var reactions: [ReactionKind: Int] = [:]
    var responses: [PolicyTrigger: Int] = [:]
    var faults: [SafetyFault] = []
    var checkInsAsked = 0
    var checkInsAnswered = 0
    var checkInsSkippedAsleep = 0
    var cryingContexts: [String] = []
    var cryingAnswers: [CheckInAnswer] = []
}
