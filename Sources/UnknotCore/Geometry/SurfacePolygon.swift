import Foundation

/// A closed polygon on the body-surface chart, with a bounding box for fast rejection.
///
/// Guarantees: `distance(to:)` is 0 inside the polygon and the exact Euclidean distance to the
/// boundary outside it.
public struct SurfacePolygon: Hashable, Sendable, Codable {
    public private(set) var vertices: [SurfacePoint]
    public private(set) var minX: Double
    public private(set) var maxX: Double
    public private(set) var minY: Double
    public private(set) var maxY: Double

    public init(_ vertices: [SurfacePoint]) {
        precondition(vertices.count >= 3, "a polygon needs three vertices")
        self.vertices = vertices
        minX = vertices.map(\.x).min()!
        maxX = vertices.map(\.x).max()!
        minY = vertices.map(\.y).min()!
        maxY = vertices.map(\.y).max()!
    }

    /// An ellipse approximated by a 32-gon that encloses it.
    public static func ellipse(center: SurfacePoint, radiusX: Double, radiusY: Double) -> SurfacePolygon {
        let n = 32
        // Scale so the polygon's edges lie outside the true ellipse.
        let scale = 1 / cos(Double.pi / Double(n))
        let points = (0..<n).map { i -> SurfacePoint in
            let a = 2 * Double.pi * Double(i) / Double(n)
            return SurfacePoint(x: center.x + radiusX * scale * cos(a), y: center.y + radiusY * scale * sin(a))
        }
        return SurfacePolygon(points)
    }

    public static func rectangle(x: ClosedRange<Double>, y: ClosedRange<Double>) -> SurfacePolygon {
        SurfacePolygon([
            SurfacePoint(x: x.lowerBound, y: y.lowerBound), SurfacePoint(x: x.upperBound, y: y.lowerBound),
            SurfacePoint(x: x.upperBound, y: y.upperBound), SurfacePoint(x: x.lowerBound, y: y.upperBound),
        ])
    }

    public var mirrored: SurfacePolygon { SurfacePolygon(vertices.reversed().map(\.mirrored)) }

    public func contains(_ p: SurfacePoint) -> Bool {
        guard p.x >= minX, p.x <= maxX, p.y >= minY, p.y <= maxY else { return false }
        var inside = false
        var j = vertices.count - 1
        for i in 0..<vertices.count {
            let a = vertices[i]
            let b = vertices[j]
            if (a.y > p.y) != (b.y > p.y), p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x {
                inside.toggle()
            }
            j = i
        }
        return inside
    }

    /// Whether the point lies within `margin` centimetres of the polygon (inside counts).
    public func isWithin(_ margin: Double, of p: SurfacePoint) -> Bool {
        guard p.x >= minX - margin, p.x <= maxX + margin, p.y >= minY - margin, p.y <= maxY + margin else {
            return false
        }
        return distance(to: p) <= margin
    }

    /// Whether a disk of `radius` centred at `p` overlaps the polygon (touching its edge
    /// exactly does not count). Rejects far points by the bounding box first.
    public func overlaps(diskAt p: SurfacePoint, radius: Double) -> Bool {
        guard p.x > minX - radius, p.x < maxX + radius, p.y > minY - radius, p.y < maxY + radius else {
            return false
        }
        return distance(to: p) < radius
    }

    /// 0 inside, else the distance to the nearest edge.
    public func distance(to p: SurfacePoint) -> Double {
        if contains(p) { return 0 }
        var best = Double.infinity
        var j = vertices.count - 1
        for i in 0..<vertices.count {
            best = min(best, Self.segmentDistance(p, vertices[j], vertices[i]))
            j = i
        }
        return best
    }

    static func segmentDistance(_ p: SurfacePoint, _ a: SurfacePoint, _ b: SurfacePoint) -> Double {
        let dx = b.x - a.x
        let dy = b.y - a.y
        let lengthSquared = dx * dx + dy * dy
        var t = lengthSquared > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / lengthSquared : 0
        t = max(0, min(1, t))
        let cx = a.x + t * dx - p.x
        let cy = a.y + t * dy - p.y
        return (cx * cx + cy * cy).squareRoot()
    }
}
