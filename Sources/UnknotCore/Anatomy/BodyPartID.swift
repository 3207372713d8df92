import Foundation

/// One side of one region: the unit the body model gives a surface patch for.
public struct BodyPartID: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public var region: BodyRegion
    public var side: BodySide

    public init(_ region: BodyRegion, _ side: BodySide) {
        self.region = region
        self.side = region.isLateral ? side : .midline
    }

    public var area: BodyArea { BodyArea(region, side: region.isLateral ? side : nil) }
    public var description: String { area.description }

    public static func < (lhs: BodyPartID, rhs: BodyPartID) -> Bool {
        (lhs.region, lhs.side) < (rhs.region, rhs.side)
    }

    /// Every part of the body model, in a stable order.
    public static let all: [BodyPartID] = BodyRegion.allCases.flatMap { BodyArea($0).parts }
}
