import UnknotCore

/// How far a contact disk was from the nearest of a set of areas (forbidden areas, endangerment
/// zones), remembered while the answer cannot have changed.
///
/// The distance from a point to a polygon moves no faster than the point, so a disk measured
/// `clearance` cm clear of every area is still clear while its centre has moved less than that.
/// The supervisor measures the areas again only when the contact has moved that far, changed
/// face or width, or the areas changed (``forget()``). Allocates nothing.
struct AreaClearance: Sendable {
    private var from = SurfacePoint(x: 0, y: 0)
    private var face: BodyFace?
    private var radius = 0.0
    /// Cm between the disk's edge and the nearest area when measured; ≤ 0 when it reached one.
    private var clearance = 0.0

    /// How far past a disk's edge an area is measured exactly (cm); beyond it its bounding box
    /// is a close enough lower bound.
    static let reach = 2.0

    /// Whether a disk of `radius` at `center` on `face` is surely clear, from the last measurement.
    func isSurelyClear(_ center: SurfacePoint, radius: Double, on face: BodyFace) -> Bool {
        face == self.face && radius == self.radius && clearance > 0 && center.distance(to: from) < clearance
    }

    /// Remembers a measurement: the disk's edge was `clearance` cm from the nearest area.
    mutating func remember(_ clearance: Double, at center: SurfacePoint, radius: Double, on face: BodyFace) {
        self.clearance = clearance
        from = center
        self.radius = radius
        self.face = face
    }

    /// The areas changed: the next question measures again.
    mutating func forget() { face = nil }

    /// The clearance of a disk of `radius` at `center` from `shape`: exact within ``reach`` of the
    /// disk, a lower bound (the bounding box's distance) beyond.
    static func clearance(of center: SurfacePoint, radius: Double, from shape: SurfacePolygon) -> Double {
        let dx = max(0, shape.minX - center.x, center.x - shape.maxX)
        let dy = max(0, shape.minY - center.y, center.y - shape.maxY)
        let box = (dx * dx + dy * dy).squareRoot()
        if box >= radius + reach { return box - radius }
        return shape.distance(to: center) - radius
    }
}
