/// One phase of a program.
public struct ProgramPhase: Codable, Sendable, Hashable {
    public var kind: PhaseKind
    /// Share of the session's working time, 0...1; the shares of a program add up to 1.
    public var share: Double
    public var posture: Posture
    public var regions: [BodyRegion]
    /// Techniques used in turn on each region.
    public var techniques: [Technique]
    /// Fraction of the client's chosen pressure level used in this phase (warm-up and closing
    /// are lighter).
    public var intensity: Double

    public init(
        kind: PhaseKind, share: Double, posture: Posture = .prone, regions: [BodyRegion], techniques: [Technique],
        intensity: Double
    ) {
        self.kind = kind
        self.share = share
        self.posture = posture
        self.regions = regions
        self.techniques = techniques
        self.intensity = intensity
    }

    enum CodingKeys: String, CodingKey {
        case kind, share, posture, regions, techniques, intensity
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        kind = try c.decode(PhaseKind.self, forKey: .kind)
        share = try c.decode(Double.self, forKey: .share)
        posture = try c.decodeIfPresent(Posture.self, forKey: .posture) ?? .prone
        regions = try c.decode([BodyRegion].self, forKey: .regions)
        techniques = try c.decode([Technique].self, forKey: .techniques)
        intensity = try c.decodeIfPresent(Double.self, forKey: .intensity) ?? 1
    }
}
