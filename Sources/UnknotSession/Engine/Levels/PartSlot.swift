import UnknotCore

/// A small integer for each side of each region, so that live per-part state lives in flat
/// arrays (no hashing, no allocation on the hot path). One ordering: ``of(_:)`` defines it and
/// ``part(_:)`` is its inverse (`PartSlotTests` round-trips every part).
enum PartSlot {
    static let count = BodyRegion.allCases.count * 3

    static func of(_ part: BodyPartID) -> Int { part.region.ordinal * 3 + part.side.ordinal }

    /// The part in a slot: ``of(_:)`` inverted, so the two orderings can never disagree. (A
    /// midline region fills one of its three slots; the other two name the same part.)
    static func part(_ slot: Int) -> BodyPartID { parts[slot] }

    private static let parts: [BodyPartID] = {
        var table = Array(repeating: BodyPartID(.neck, .midline), count: count)
        for region in BodyRegion.allCases {
            for side in BodySide.allCases {
                table[region.ordinal * 3 + side.ordinal] = BodyPartID(region, side)
            }
        }
        return table
    }()
}

extension BodyRegion {
    var ordinal: Int {
        switch self {
        case .neck: 0
        case .jaw: 1
        case .shoulders: 2
        case .upperBack: 3
        case .midBack: 4
        case .lowerBack: 5
        case .hips: 6
        case .glutes: 7
        case .hamstrings: 8
        case .innerThigh: 9
        case .calves: 10
        case .feet: 11
        case .upperArms: 12
        case .forearms: 13
        case .hands: 14
        case .abdomen: 15
        case .chest: 16
        case .neckFront: 17
        }
    }
}

extension BodySide {
    var ordinal: Int {
        switch self {
        case .left: 0
        case .right: 1
        case .midline: 2
        }
    }
}

extension Technique {
    static let count = Technique.allCases.count

    var ordinal: Int {
        switch self {
        case .gliding: 0
        case .kneading: 1
        case .circularFriction: 2
        case .compression: 3
        case .triggerPointHold: 4
        case .broadStillPressure: 5
        case .rocking: 6
        }
    }
}
