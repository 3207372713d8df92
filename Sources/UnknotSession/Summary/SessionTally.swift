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
    /// When the client last said "it's fine" after a detector's pain, per part slot.
    var fineAnswers: [Int: Int] = [:]
    /// What a detector's pain changed, so the client's "it's fine" can undo it: part slot,
    /// client level and pain cap before.
    var detectedPainUndo: (slot: Int, level: Int, painCap: Int)?
}
