/// The answer of contraindication screening (CARE.md section 5) for one session.
///
/// Guarantees: a non-empty `refusals` means the session must not take place; everything
/// else is an adjustment the planner and the live session apply, each with its reason.
public struct ScreeningOutcome: Codable, Sendable, Hashable {
    /// Why the session must not take place, each naming the care plan's field that says so.
    public var refusals: [Refusal]
    /// Reasons for light pressure only (level 3 at most) everywhere.
    public var lightPressureOnly: [String]
    public var avoidAreas: [AreaFinding]
    /// Reasons to check in more often (pain may be masked).
    public var checkInMoreOften: [String]

    public init(
        refusals: [Refusal] = [], lightPressureOnly: [String] = [], avoidAreas: [AreaFinding] = [],
        checkInMoreOften: [String] = []
    ) {
        self.refusals = refusals
        self.lightPressureOnly = lightPressureOnly
        self.avoidAreas = avoidAreas
        self.checkInMoreOften = checkInMoreOften
    }

    public var isRefused: Bool { !refusals.isEmpty }

    /// One reason a session must not take place, with the care plan field it comes from
    /// (`health.fever`) so a client knows what to change once it no longer holds.
    public struct Refusal: Codable, Sendable, Hashable, CustomStringConvertible {
        public var field: String
        public var reason: String

        public init(field: String, reason: String) {
            self.field = field
            self.reason = reason
        }

        public var description: String { reason }
    }
    public var isClear: Bool { self == ScreeningOutcome() }

    /// The highest level allowed anywhere by the screening.
    public var levelCap: PressureLevel { lightPressureOnly.isEmpty ? .maximum : .lightMaximum }
}

/// An area to leave out, with the reason.
public struct AreaFinding: Codable, Sendable, Hashable {
    public var area: BodyArea
    public var reason: String

    public init(area: BodyArea, reason: String) {
        self.area = area
        self.reason = reason
    }
}
