import Foundation

/// An area a client names in a care plan: a region, on one side or on both.
///
/// `BodyArea(.shoulders)` means both shoulders; `BodyArea(.shoulders, side: .left)` the left one.
/// In JSON it is a string: `"shoulders"` or `"left shoulders"` (also `"shoulders:left"`).
public struct BodyArea: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var region: BodyRegion
    /// `nil` for the whole region (both sides of a lateral region).
    public var side: BodySide?

    public init(_ region: BodyRegion, side: BodySide? = nil) {
        self.region = region
        self.side = region.isLateral ? side : nil
    }

    /// Whether this area includes the given part of the body.
    public func contains(_ region: BodyRegion, side: BodySide) -> Bool {
        guard region == self.region else { return false }
        guard let mine = self.side else { return true }
        return mine == side
    }

    /// Whether this area includes the given part.
    public func contains(_ part: BodyPartID) -> Bool { contains(part.region, side: part.side) }

    /// The name a person reads: "left shoulder", "shoulders", "abdomen".
    public var description: String {
        switch side {
        case .left: "left \(region.singularName)"
        case .right: "right \(region.singularName)"
        default: region.displayName
        }
    }

    /// The parts (one per side) this area covers.
    public var parts: [BodyPartID] {
        if !region.isLateral { return [BodyPartID(region, .midline)] }
        if let side { return [BodyPartID(region, side)] }
        return [BodyPartID(region, .left), BodyPartID(region, .right)]
    }

    public static func < (lhs: BodyArea, rhs: BodyArea) -> Bool {
        (lhs.region, lhs.side ?? .midline) < (rhs.region, rhs.side ?? .midline)
    }
}

extension BodyArea: Codable {
    /// Parses `"shoulders"`, `"left shoulders"`, `"shoulders:left"` or `"left-shoulders"`.
    public init(parsing text: String) throws(BodyAreaParseError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        var regionText = trimmed
        var side: BodySide?
        if let colon = trimmed.firstIndex(of: ":") {
            regionText = String(trimmed[..<colon])
            let sideText = String(trimmed[trimmed.index(after: colon)...])
            guard let parsed = BodySide(rawValue: sideText), parsed != .midline else {
                throw BodyAreaParseError(text: text)
            }
            side = parsed
        } else {
            for candidate in [BodySide.left, .right] {
                for separator in [" ", "-"] where trimmed.hasPrefix(candidate.rawValue + separator) {
                    regionText = String(trimmed.dropFirst(candidate.rawValue.count + 1))
                    side = candidate
                }
            }
        }
        regionText = regionText.replacingOccurrences(of: " ", with: "-")
        guard let region = BodyRegion(rawValue: regionText) ?? BodyRegion.matchingSingular(regionText) else {
            throw BodyAreaParseError(text: text)
        }
        if side != nil && !region.isLateral { throw BodyAreaParseError(text: text) }
        self.init(region, side: side)
    }

    /// The compact string form used in JSON.
    public var code: String {
        if let side { return "\(side.rawValue) \(region.rawValue)" }
        return region.rawValue
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            try self.init(parsing: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }
}

/// A body area string that names no known region or side.
public struct BodyAreaParseError: Error, Sendable, CustomStringConvertible {
    public var text: String
    public var description: String {
        "'\(text)' is not a body area; write a region (\(BodyRegion.allCases.map(\.rawValue).joined(separator: ", "))), "
            + "optionally preceded by 'left' or 'right' for regions that have two sides"
    }
}

extension BodyRegion {
    static func matchingSingular(_ text: String) -> BodyRegion? {
        allCases.first { $0.singularName.replacingOccurrences(of: " ", with: "-") == text }
    }
}
