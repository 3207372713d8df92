import Foundation

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

    enum CodingKeys: String, CodingKey, CaseIterable { case area, at, radius, source, note }

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
public enum SpotSource: String, Codable, Sendable, CaseIterable {
    case client
    case learned
}
