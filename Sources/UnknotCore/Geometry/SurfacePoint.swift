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
