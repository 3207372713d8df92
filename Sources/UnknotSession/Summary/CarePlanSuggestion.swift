import UnknotCore

/// A change to the care plan that a session learned, offered to the client to accept or
/// dismiss later. Nothing is changed until the client accepts.
public enum CarePlanSuggestion: Sendable, Hashable {
    case addTenderSpot(BodySpot)
    case addTicklishSpot(BodySpot)
    /// The level the client settled on for an area.
    case setPressure(AreaPressure, was: PressureLevel)
    case avoidArea(BodyArea)
    case setCryingDirective(CryingDirective)
    /// Something worth knowing that changes no setting (what preceded tears).
    case note(String)

    /// The suggestion in plain words.
    public var plainWords: String {
        switch self {
        case .addTenderSpot(let spot): "Mark a tender spot on your \(spot.area)\(spot.note.map { " (\($0))" } ?? "")."
        case .addTicklishSpot(let spot): "Mark a ticklish spot on your \(spot.area)."
        case .setPressure(let pressure, let was):
            "Set the pressure on your \(pressure.area) to \(pressure.level) (it was \(was))."
        case .avoidArea(let area): "Avoid your \(area) in future sessions."
        case .setCryingDirective(let directive): "If you cry: \(directive.plainWords.lowercased())"
        case .note(let text): text
        }
    }

    /// The care plan with the suggestion accepted.
    public func applied(to plan: CarePlan) -> CarePlan {
        var plan = plan
        switch self {
        case .addTenderSpot(let spot): plan.tenderSpots.append(spot)
        case .addTicklishSpot(let spot): plan.ticklishSpots.append(spot)
        case .setPressure(let pressure, _):
            plan.pressure.byArea.removeAll { $0.area == pressure.area }
            plan.pressure.byArea.append(pressure)
        case .avoidArea(let area): if !plan.avoidAreas.contains(area) { plan.avoidAreas.append(area) }
        case .setCryingDirective(let directive): plan.ifICry = directive
        case .note: break
        }
        return plan
    }
}

extension CarePlanSuggestion: Codable {
    enum CodingKeys: String, CodingKey { case kind, spot, pressure, was, area, directive, text }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try c.decode(String.self, forKey: .kind)
        switch kind {
        case "tender-spot": self = .addTenderSpot(try c.decode(BodySpot.self, forKey: .spot))
        case "ticklish-spot": self = .addTicklishSpot(try c.decode(BodySpot.self, forKey: .spot))
        case "pressure":
            self = .setPressure(
                try c.decode(AreaPressure.self, forKey: .pressure), was: try c.decode(PressureLevel.self, forKey: .was))
        case "avoid": self = .avoidArea(try c.decode(BodyArea.self, forKey: .area))
        case "if-i-cry": self = .setCryingDirective(try c.decode(CryingDirective.self, forKey: .directive))
        case "note": self = .note(try c.decode(String.self, forKey: .text))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .kind, in: c, debugDescription: "unknown suggestion kind \"\(kind)\"")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .addTenderSpot(let spot):
            try c.encode("tender-spot", forKey: .kind)
            try c.encode(spot, forKey: .spot)
        case .addTicklishSpot(let spot):
            try c.encode("ticklish-spot", forKey: .kind)
            try c.encode(spot, forKey: .spot)
        case .setPressure(let pressure, let was):
            try c.encode("pressure", forKey: .kind)
            try c.encode(pressure, forKey: .pressure)
            try c.encode(was, forKey: .was)
        case .avoidArea(let area):
            try c.encode("avoid", forKey: .kind)
            try c.encode(area, forKey: .area)
        case .setCryingDirective(let directive):
            try c.encode("if-i-cry", forKey: .kind)
            try c.encode(directive, forKey: .directive)
        case .note(let text):
            try c.encode("note", forKey: .kind)
            try c.encode(text, forKey: .text)
        }
    }
}
