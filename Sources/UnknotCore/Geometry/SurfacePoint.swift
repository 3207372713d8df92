/// A point on the body-surface chart, in centimetres.
///
/// The chart is the body seen from above the table: `x` runs across the body from the
/// midline (positive toward the client's right), `y` runs along it from the crown of the
/// head (0) toward the soles. Which face of the body the point lies on is carried by what
/// holds the point (a patch, a stroke).
public struct SurfacePoint: Hashable, Sendable, Codable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    public func distance(to other: SurfacePoint) -> Double {
        let dx = x - other.x
        let dy = y - other.y
        return (dx * dx + dy * dy).squareRoot()
    }

    /// The point a fraction `t` of the way toward `other`.
    public func interpolated(to other: SurfacePoint, _ t: Double) -> SurfacePoint {
        SurfacePoint(x: x + (other.x - x) * t, y: y + (other.y - y) * t)
    }

    /// Distance to the segment from `a` to `b`.
    public func distance(toSegment a: SurfacePoint, _ b: SurfacePoint) -> Double {
        SurfacePolygon.segmentDistance(self, a, b)
    }

    /// Distance to a polyline (or to its only point).
    public func distance(toPath path: [SurfacePoint]) -> Double {
        guard path.count > 1 else { return path.first.map(distance(to:)) ?? .infinity }
        var best = Double.infinity
        for i in 1..<path.count { best = min(best, distance(toSegment: path[i - 1], path[i])) }
        return best
    }

    /// Mirror image across the midline.
    public var mirrored: SurfacePoint { SurfacePoint(x: -x, y: y) }
}

/// A point or direction in the station's 3D frame, in centimetres: `x` across the table
/// (client's right positive), `y` along it from the crown, `z` up from the table top.
public struct Vector3: Hashable, Sendable, Codable {
    public var x: Double
    public var y: Double
    public var z: Double

    public init(x: Double, y: Double, z: Double) {
        self.x = x
        self.y = y
        self.z = z
    }

    public var length: Double { (x * x + y * y + z * z).squareRoot() }

    public var normalized: Vector3 {
        let l = length
        return l > 0 ? Vector3(x: x / l, y: y / l, z: z / l) : self
    }
}

/// A position inside a region patch, independent of body size: `u` across the patch from
/// its medial edge (0) to its lateral edge (1), `v` along it from its top (0) to its bottom (1).
///
/// Care plans store spots this way so that a tender spot stays on the same muscle when the
/// client is scanned again or moves to another station.
public struct RegionCoordinate: Hashable, Sendable, Codable {
    public var u: Double
    public var v: Double

    public init(u: Double, v: Double) {
        self.u = u
        self.v = v
    }

    public var isValid: Bool { (0...1).contains(u) && (0...1).contains(v) }
}
