import Foundation

/// The client's pressure preference: one level overall, optionally another per area.
public struct PressurePreference: Codable, Sendable, Hashable {
    public var level: PressureLevel
    public var byArea: [AreaPressure]

    public init(level: PressureLevel = PressureLevel(clamping: 5), byArea: [AreaPressure] = []) {
        self.level = level
        self.byArea = byArea
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case level, byArea }

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
