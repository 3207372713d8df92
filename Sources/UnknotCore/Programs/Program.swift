/// A massage program: what a client books. Programs are data (`programs.json`, extendable by
/// a studio without recompiling); each is a sequence of phases over regions.
public struct Program: Codable, Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    public var summary: String
    /// Bookable lengths in minutes.
    public var lengths: [Int]
    /// Whether promo codes apply to this program (Express takes none).
    public var acceptsPromoCodes: Bool
    /// When true the program works one area only: the client's first focus area.
    public var singleFocusArea: Bool
    public var phases: [ProgramPhase]

    public init(
        id: String, name: String, summary: String, lengths: [Int], acceptsPromoCodes: Bool = true,
        singleFocusArea: Bool = false, phases: [ProgramPhase]
    ) {
        self.id = id
        self.name = name
        self.summary = summary
        self.lengths = lengths
        self.acceptsPromoCodes = acceptsPromoCodes
        self.singleFocusArea = singleFocusArea
        self.phases = phases
    }

    /// Every region any phase works on.
    public var regions: [BodyRegion] { Array(Set(phases.flatMap(\.regions))).sorted() }

    /// Whether the program has the client lying prone at some point.
    public var isProne: Bool { phases.contains { $0.posture == .prone } }
}

/// The position the client lies in.
public enum Posture: String, Codable, Sendable {
    case prone
    case supine

    /// The face of the body the station reaches in this posture.
    public var face: BodyFace { self == .prone ? .posterior : .anterior }
}

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

/// The kinds of phase of a session.
public enum PhaseKind: String, Codable, Sendable, CaseIterable {
    case warmUp = "warm-up"
    case focusedWork = "focused-work"
    case integration
    case closing

    public var displayName: String {
        switch self {
        case .warmUp: "Warm-up"
        case .focusedWork: "Focused work"
        case .integration: "Integration"
        case .closing: "Closing"
        }
    }
}
