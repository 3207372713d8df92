import Foundation

/// What a client asks of every session, written at intake and editable any time
/// (CARE.md section 2).
///
/// Versioned: `schemaVersion` says which layout a stored plan has. Decode it with
/// ``CarePlan/decode(from:)``, which rejects unknown fields and returns every problem at once;
/// ``validate(asOf:)`` names each field that is wrong and how to fix it.
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
    /// Whether the station may listen through its microphone for crying, laughter, sighs, groans
    /// and other sounds (heard on the station, in memory; audio never leaves it and is never
    /// written anywhere). Until the client says yes, the station does not listen.
    public var stationMayListen: Bool
    public var music: MusicChoice
    public var voicePrompts: VoicePrompts
    public var health: HealthScreening

    public init(
        focusAreas: [BodyArea] = [], avoidAreas: [BodyArea] = [], pressure: PressurePreference = .init(),
        painLimit: PressureLevel = .defaultPainLimit, tenderSpots: [BodySpot] = [], ticklishSpots: [BodySpot] = [],
        skipTicklishSpots: Bool = false, sensitiveAreasOptedIn: [BodyRegion] = [], ifICry: CryingDirective? = nil,
        staffMayBeAlerted: Bool = false, stationMayListen: Bool = false, music: MusicChoice = .soft,
        voicePrompts: VoicePrompts = .minimal,
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
        self.stationMayListen = stationMayListen
        self.music = music
        self.voicePrompts = voicePrompts
        self.health = health
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case schemaVersion, focusAreas, avoidAreas, pressure, painLimit, tenderSpots, ticklishSpots
        case skipTicklishSpots, sensitiveAreasOptedIn, ifICry, staffMayBeAlerted, stationMayListen, music, voicePrompts
        case health
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
        stationMayListen = try c.decodeIfPresent(Bool.self, forKey: .stationMayListen) ?? false
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
