import Foundation

/// What a client asks of every session, written at intake and editable any time
/// (CARE.md section 2).
///
/// Versioned: `schemaVersion` says which layout a stored plan has. Decode it with
/// ``CarePlan/decode(from:)``, which rejects unknown fields and returns every problem at once;
/// ``validate()`` names each field that is wrong and how to fix it.
public struct CarePlan: Codable, Sendable, Hashable {
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    /// Areas the client wants more time on.
    public var focusAreas: [BodyArea]
    /// Areas never to be touched.
    public var avoidAreas: [BodyArea]
    public var pressure: PressurePreference
    /// The most pressure the client accepts anywhere; at most 8.
    public var painLimit: PressureLevel
    public var tenderSpots: [BodySpot]
    public var ticklishSpots: [BodySpot]
    /// Skip ticklish spots altogether instead of working them with broad, still contact.
    public var skipTicklishSpots: Bool
    /// Sensitive regions (glutes, inner thigh, abdomen, chest, front of the neck) the client
    /// explicitly agreed to have worked.
    public var sensitiveAreasOptedIn: [BodyRegion]
    /// What to do if the client cries without pain; `nil` for the default (keep going gently,
    /// one level lighter, one quiet check-in).
    public var ifICry: CryingDirective?
    /// Whether studio staff may be alerted about the client's reactions.
    public var staffMayBeAlerted: Bool
    public var music: MusicChoice
    public var voicePrompts: VoicePrompts
    public var health: HealthScreening

    public init(
        focusAreas: [BodyArea] = [], avoidAreas: [BodyArea] = [], pressure: PressurePreference = .init(),
        painLimit: PressureLevel = .defaultPainLimit, tenderSpots: [BodySpot] = [], ticklishSpots: [BodySpot] = [],
        skipTicklishSpots: Bool = false, sensitiveAreasOptedIn: [BodyRegion] = [], ifICry: CryingDirective? = nil,
        staffMayBeAlerted: Bool = false, music: MusicChoice = .soft, voicePrompts: VoicePrompts = .minimal,
        health: HealthScreening = .init()
    ) {
        self.schemaVersion = Self.currentSchemaVersion
        self.focusAreas = focusAreas
        self.avoidAreas = avoidAreas
        self.pressure = pressure
        self.painLimit = painLimit
        self.tenderSpots = tenderSpots
        self.ticklishSpots = ticklishSpots
        self.skipTicklishSpots = skipTicklishSpots
        self.sensitiveAreasOptedIn = sensitiveAreasOptedIn
        self.ifICry = ifICry
        self.staffMayBeAlerted = staffMayBeAlerted
        self.music = music
        self.voicePrompts = voicePrompts
        self.health = health
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case schemaVersion, focusAreas, avoidAreas, pressure, painLimit, tenderSpots, ticklishSpots
        case skipTicklishSpots, sensitiveAreasOptedIn, ifICry, staffMayBeAlerted, music, voicePrompts, health
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = CarePlan()
        schemaVersion = try c.decode(Int.self, forKey: .schemaVersion)
        focusAreas = try c.decodeIfPresent([BodyArea].self, forKey: .focusAreas) ?? []
        avoidAreas = try c.decodeIfPresent([BodyArea].self, forKey: .avoidAreas) ?? []
        pressure = try c.decodeIfPresent(PressurePreference.self, forKey: .pressure) ?? defaults.pressure
        painLimit = try c.decodeIfPresent(PressureLevel.self, forKey: .painLimit) ?? defaults.painLimit
        tenderSpots = try c.decodeIfPresent([BodySpot].self, forKey: .tenderSpots) ?? []
        ticklishSpots = try c.decodeIfPresent([BodySpot].self, forKey: .ticklishSpots) ?? []
        skipTicklishSpots = try c.decodeIfPresent(Bool.self, forKey: .skipTicklishSpots) ?? false
        sensitiveAreasOptedIn = try c.decodeIfPresent([BodyRegion].self, forKey: .sensitiveAreasOptedIn) ?? []
        ifICry = try c.decodeIfPresent(CryingDirective.self, forKey: .ifICry)
        staffMayBeAlerted = try c.decodeIfPresent(Bool.self, forKey: .staffMayBeAlerted) ?? false
        music = try c.decodeIfPresent(MusicChoice.self, forKey: .music) ?? defaults.music
        voicePrompts = try c.decodeIfPresent(VoicePrompts.self, forKey: .voicePrompts) ?? defaults.voicePrompts
        health = try c.decodeIfPresent(HealthScreening.self, forKey: .health) ?? defaults.health
    }

    /// Whether the client agreed to have a region worked (always true for non-sensitive ones).
    public func consents(to region: BodyRegion) -> Bool {
        !region.isSensitive || sensitiveAreasOptedIn.contains(region)
    }

    /// The pressure level the client asked for on one side of a region, before any safety cap:
    /// the most specific preference wins (one side, then the region, then the overall level).
    public func preferredLevel(for part: BodyPartID) -> PressureLevel {
        let exact = pressure.byArea.first { $0.area.side != nil && $0.area.contains(part) }
        let region = pressure.byArea.first { $0.area.side == nil && $0.area.contains(part) }
        return (exact ?? region)?.level ?? pressure.level
    }

    public func isFocus(_ part: BodyPartID) -> Bool { focusAreas.contains { $0.contains(part) } }
    public func isAvoided(_ part: BodyPartID) -> Bool { avoidAreas.contains { $0.contains(part) } }
}

/// The client's pressure preference: one level overall, optionally another per area.
public struct PressurePreference: Codable, Sendable, Hashable {
    public var level: PressureLevel
    public var byArea: [AreaPressure]

    public init(level: PressureLevel = PressureLevel(clamping: 5), byArea: [AreaPressure] = []) {
        self.level = level
        self.byArea = byArea
    }

    enum CodingKeys: String, CodingKey { case level, byArea }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        level = try c.decodeIfPresent(PressureLevel.self, forKey: .level) ?? PressureLevel(clamping: 5)
        byArea = try c.decodeIfPresent([AreaPressure].self, forKey: .byArea) ?? []
    }
}

/// A pressure level for one area.
public struct AreaPressure: Codable, Sendable, Hashable {
    public var area: BodyArea
    public var level: PressureLevel

    public init(_ area: BodyArea, _ level: PressureLevel) {
        self.area = area
        self.level = level
    }
}

/// A spot on the body: a whole area (`at == nil`) or a circle inside one side of a region.
public struct BodySpot: Codable, Sendable, Hashable {
    public var area: BodyArea
    /// Where inside the area's patch; `nil` means the whole area.
    public var at: RegionCoordinate?
    /// Radius of the spot in centimetres (ignored for a whole area).
    public var radius: Double
    /// Who named the spot: the client, or a session that learned it.
    public var source: SpotSource
    public var note: String?

    public init(
        area: BodyArea, at: RegionCoordinate? = nil, radius: Double = 4, source: SpotSource = .client,
        note: String? = nil
    ) {
        self.area = area
        self.at = at
        self.radius = radius
        self.source = source
        self.note = note
    }

    enum CodingKeys: String, CodingKey { case area, at, radius, source, note }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        area = try c.decode(BodyArea.self, forKey: .area)
        at = try c.decodeIfPresent(RegionCoordinate.self, forKey: .at)
        radius = try c.decodeIfPresent(Double.self, forKey: .radius) ?? 4
        source = try c.decodeIfPresent(SpotSource.self, forKey: .source) ?? .client
        note = try c.decodeIfPresent(String.self, forKey: .note)
    }
}

/// Who named a spot.
public enum SpotSource: String, Codable, Sendable {
    case client
    case learned
}

/// What the client wants when they cry without pain (CARE.md section 1).
public enum CryingDirective: String, Codable, Sendable, CaseIterable {
    case keepGoingQuietly = "keep-going-quietly"
    case pauseAndOfferTissue = "pause-and-offer-tissue"
    case checkIn = "check-in"
    case lighterAndSlower = "lighter-and-slower"
    case endSession = "end-session"

    /// The directive in plain words, as the client chose it.
    public var plainWords: String {
        switch self {
        case .keepGoingQuietly: "Keep going quietly; don't ask me anything."
        case .pauseAndOfferTissue: "Pause and offer me a tissue."
        case .checkIn: "Check in with me."
        case .lighterAndSlower: "Go lighter and slower."
        case .endSession: "End the session."
        }
    }

    /// What happens when the client gave no directive.
    public static let defaultPlainWords =
        "Keep working gently, one level lighter, and ask me once, quietly, whether I'd like a break, a tissue, or to keep going."
}

/// Music during the session.
public enum MusicChoice: String, Codable, Sendable, CaseIterable {
    case none
    case soft
    case ownChoice = "own-choice"
}

/// How much the station speaks.
public enum VoicePrompts: String, Codable, Sendable, CaseIterable {
    case on
    case minimal
    case off
}
