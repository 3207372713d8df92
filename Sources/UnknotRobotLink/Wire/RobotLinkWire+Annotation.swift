import UnknotCore

extension RobotLinkWire {
    /// The annotation's codes: 0 for none, else 1 + the case's place in its `allCases` (parts:
    /// 1 + region × 4 + side). Kept once, so encoding allocates nothing.
    enum Tables {
        static let faces = BodyFace.allCases
        static let techniques = Technique.allCases
        static let regions = BodyRegion.allCases
        static let sides = BodySide.allCases
    }

    static func code<T: Equatable>(_ value: T?, in table: [T]) -> UInt8 {
        guard let value, let index = table.firstIndex(of: value) else { return 0 }
        return UInt8(truncatingIfNeeded: index + 1)
    }

    static func code(_ face: BodyFace?) -> UInt8 { code(face, in: Tables.faces) }
    static func code(_ technique: Technique?) -> UInt8 { code(technique, in: Tables.techniques) }

    static func code(_ part: BodyPartID?) -> UInt16 {
        guard let part, let region = Tables.regions.firstIndex(of: part.region),
            let side = Tables.sides.firstIndex(of: part.side)
        else { return 0 }
        return UInt16(1 + region * 4 + side)
    }

    static func decoded<T>(_ code: UInt8, _ table: [T]) throws(RobotLinkError) -> T? {
        guard code != 0 else { return nil }
        guard Int(code) <= table.count else { throw .outOfRange(.annotation) }
        return table[Int(code) - 1]
    }

    static func decodedPart(_ code: UInt16) throws(RobotLinkError) -> BodyPartID? {
        guard code != 0 else { return nil }
        let value = Int(code) - 1
        let region = value / 4
        let side = value % 4
        guard region < Tables.regions.count, side < Tables.sides.count else { throw .outOfRange(.annotation) }
        return BodyPartID(Tables.regions[region], Tables.sides[side])
    }
}
