import UnknotCore

/// One phase of the plan as a record's header keeps it, so that "during deep work" or "in the
/// warm-up" can be checked from the record alone: its kind, when it runs in plan time (pauses
/// excluded, as telemetry's `planTime`), and the areas it works in order.
public struct RecordedPhase: Sendable, Hashable, Codable {
    public var kind: PhaseKind
    /// Plan time the phase starts and ends, ms.
    public var startMilliseconds: Int
    public var endMilliseconds: Int
    /// The areas worked, one per planned block, in order.
    public var areas: [BodyArea]

    public init(_ phase: PlannedPhase) {
        kind = phase.kind
        startMilliseconds = phase.startMilliseconds
        endMilliseconds = phase.endMilliseconds
        areas = phase.regions.map(\.part.area)
    }

    /// Whether plan time `t` falls in the phase.
    public func contains(planTime t: Int) -> Bool { t >= startMilliseconds && t < endMilliseconds }
}
