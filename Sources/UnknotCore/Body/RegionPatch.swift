/// The patch of body surface one side of a region covers, on the surface chart.
///
/// The patch is described by rows every ``rowSpacing`` centimetres along the body, each with
/// the lateral extent of the patch at that row. Guarantees: rows are ordered top to bottom,
/// each with `xMin < xMax`.
public struct RegionPatch: Sendable, Hashable, Codable {
    public static let rowSpacing = 0.5

    public var part: BodyPartID
    public var face: BodyFace
    public var rows: [PatchRow]

    public init(part: BodyPartID, face: BodyFace, rows: [PatchRow]) {
        precondition(rows.count >= 2, "a patch needs at least two rows")
        self.part = part
        self.face = face
        self.rows = rows
    }

    public var top: Double { rows[0].y }
    public var bottom: Double { rows[rows.count - 1].y }
    public var minX: Double { rows.map(\.xMin).min()! }
    public var maxX: Double { rows.map(\.xMax).max()! }

    /// Area in square centimetres.
    public var area: Double {
        var total = 0.0
        for i in 1..<rows.count {
            total += (rows[i].y - rows[i - 1].y) * ((rows[i].width + rows[i - 1].width) / 2)
        }
        return total
    }

    /// The lateral extent at `y`, interpolated between rows; `nil` outside the patch.
    public func xRange(at y: Double) -> (min: Double, max: Double)? {
        guard y >= top - 1e-9, y <= bottom + 1e-9 else { return nil }
        let position = (y - top) / Self.rowSpacing
        let i = min(rows.count - 2, max(0, Int(position)))
        let t = min(1, max(0, (y - rows[i].y) / (rows[i + 1].y - rows[i].y)))
        let a = rows[i]
        let b = rows[i + 1]
        return (a.xMin + (b.xMin - a.xMin) * t, a.xMax + (b.xMax - a.xMax) * t)
    }

    public func contains(_ p: SurfacePoint) -> Bool {
        guard let r = xRange(at: p.y) else { return false }
        return p.x >= r.min - 1e-9 && p.x <= r.max + 1e-9
    }

    /// The chart point at a patch-relative coordinate (u from the medial edge to the lateral one).
    public func point(at c: RegionCoordinate) -> SurfacePoint {
        let y = top + (bottom - top) * min(1, max(0, c.v))
        let r = xRange(at: y)!
        let u = min(1, max(0, c.u))
        let x = part.side == .left ? r.max - (r.max - r.min) * u : r.min + (r.max - r.min) * u
        return SurfacePoint(x: x, y: y)
    }

    /// The patch-relative coordinate of a chart point inside the patch.
    public func coordinate(of p: SurfacePoint) -> RegionCoordinate {
        let v = (p.y - top) / (bottom - top)
        guard let r = xRange(at: p.y), r.max > r.min else { return RegionCoordinate(u: 0.5, v: min(1, max(0, v))) }
        var u = (p.x - r.min) / (r.max - r.min)
        if part.side == .left { u = 1 - u }
        return RegionCoordinate(u: min(1, max(0, u)), v: min(1, max(0, v)))
    }

    public var center: SurfacePoint { point(at: RegionCoordinate(u: 0.5, v: 0.5)) }

    /// The patch boundary as a polygon (down the medial edge, up the lateral one).
    public var outline: SurfacePolygon {
        SurfacePolygon(
            rows.map { SurfacePoint(x: $0.xMin, y: $0.y) } + rows.reversed().map { SurfacePoint(x: $0.xMax, y: $0.y) })
    }
}

/// One row of a patch: its lateral extent at a distance `y` from the crown.
public struct PatchRow: Sendable, Hashable, Codable {
    public var y: Double
    public var xMin: Double
    public var xMax: Double

    public init(y: Double, xMin: Double, xMax: Double) {
        self.y = y
        self.xMin = xMin
        self.xMax = xMax
    }

    public var width: Double { xMax - xMin }
}
