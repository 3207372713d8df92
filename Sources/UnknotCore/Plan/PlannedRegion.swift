/// The time one side of a region gets within a phase, and at what pressure.
public struct PlannedRegion: Codable, Sendable, Hashable {
    public var part: BodyPartID
    public var startMilliseconds: Int
    public var durationMilliseconds: Int
    /// The pressure level of this phase's work on the region.
    public var level: PressureLevel
    public var techniques: [Technique]
    public var isFocus: Bool

    public init(
        part: BodyPartID, startMilliseconds: Int, durationMilliseconds: Int, level: PressureLevel,
        techniques: [Technique], isFocus: Bool
    ) {
        self.part = part
        self.startMilliseconds = startMilliseconds
        self.durationMilliseconds = durationMilliseconds
        self.level = level
        self.techniques = techniques
        self.isFocus = isFocus
    }
}
