/// One phase of a planned session.
public struct PlannedPhase: Codable, Sendable, Hashable {
    public var kind: PhaseKind
    public var posture: Posture
    public var startMilliseconds: Int
    public var durationMilliseconds: Int
    public var regions: [PlannedRegion]

    public init(
        kind: PhaseKind, posture: Posture, startMilliseconds: Int, durationMilliseconds: Int,
        regions: [PlannedRegion]
    ) {
        self.kind = kind
        self.posture = posture
        self.startMilliseconds = startMilliseconds
        self.durationMilliseconds = durationMilliseconds
        self.regions = regions
    }

    public var endMilliseconds: Int { startMilliseconds + durationMilliseconds }
}
