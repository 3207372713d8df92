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
