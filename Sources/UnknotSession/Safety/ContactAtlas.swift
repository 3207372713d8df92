import UnknotCore

/// Which parts of the body a contact covers, worked out from where the contact is, never from
/// what a setpoint says it is.
///
/// Each part's patch (``RegionPatch``: rows every 0.5 cm along the body) is a polygon on the
/// surface chart. ``locate(_:radius:on:memo:)`` answers, for a contact disk, which patches of a
/// face it overlaps and which contain its centre, exactly (signed distance to each patch's
/// outline, inside negative), and how far the centre may move before either answer can change.
/// The signed distance moves no faster than the point does, so an answer stays exact while the
/// centre stays within that margin, and each patch is measured again only when its own answer
/// could have changed: along a boundary that is one patch a tick, not every patch nearby.
/// Locating allocates nothing.
struct ContactAtlas: Sendable {
    /// The answer for one contact disk.
    struct Location: Sendable, Hashable {
        /// Parts the disk overlaps (touching an edge exactly does not count).
        var covered = PartMask.empty
        /// Parts whose patch contains the disk's centre.
        var containing = PartMask.empty
        /// How far the centre may move (cm) before `covered` or `containing` can change.
        var margin = 0.0
    }

    struct Patch: Sendable {
        let slot: Int
        let face: BodyFace
        let top: Double
        let minX: Double
        let maxX: Double
        let bottom: Double
        let ys: [Double]
        let xMin: [Double]
        let xMax: [Double]
    }

    /// How far past a disk's edge a patch is still measured exactly (cm); beyond it the
    /// bounding box is enough to say "not covered".
    static let reach = 2.0

    let patches: [Patch]

    init(body: BodyModel) {
        patches = body.patches.map { patch in
            Patch(
                slot: PartSlot.of(patch.part), face: patch.face, top: patch.top, minX: patch.minX, maxX: patch.maxX,
                bottom: patch.bottom, ys: patch.rows.map(\.y), xMin: patch.rows.map(\.xMin),
                xMax: patch.rows.map(\.xMax))
        }
    }

    /// What ``locate(_:radius:on:memo:)`` measured last, per patch: a signed distance (exact, or
    /// a lower bound when the patch was too far to matter) and the point it was measured from.
    /// Made once per body, updated in place: locating allocates nothing.
    struct Memo: Sendable {
        var distance: [Double]
        var from: [SurfacePoint]
        var face: BodyFace?
        var radius = 0.0

        init(patches: Int) {
            distance = Array(repeating: 0, count: patches)
            from = Array(repeating: SurfacePoint(x: 0, y: 0), count: patches)
        }
    }

    /// A memo for this atlas.
    func memo() -> Memo { Memo(patches: patches.count) }

    /// The parts a disk of `radius` at `center` on `face` covers and contains. `center` must
    /// be finite.
    ///
    /// A patch is measured again only when the centre has moved far enough since its last
    /// measurement (kept in `memo`) that its answer could have changed: the signed distance
    /// moves no faster than the point, so a distance `d` measured `moved` cm away lies in
    /// `d ± moved`. Near a boundary that is one patch, not every patch nearby.
    func locate(_ center: SurfacePoint, radius: Double, on face: BodyFace, memo: inout Memo) -> Location {
        let fresh = memo.face != face || memo.radius != radius
        memo.face = face
        memo.radius = radius
        var location = Location()
        var margin = Double.infinity
        let cap = radius + Self.reach
        for k in patches.indices where patches[k].face == face {
            let patch = patches[k]
            var d = memo.distance[k]
            var moved = fresh ? Double.infinity : center.distance(to: memo.from[k])
            // The answers are settled when the whole interval d ± moved lies on one side of
            // `radius` (covered) and of 0 (containing).
            let settled =
                (d - moved >= radius || d + moved < radius) && (d - moved > 0 || d + moved <= 0)
            if !settled {
                let dx = max(0, patch.minX - center.x, center.x - patch.maxX)
                let dy = max(0, patch.top - center.y, center.y - patch.bottom)
                let boxDistance = (dx * dx + dy * dy).squareRoot()
                d = boxDistance >= cap ? boxDistance : Self.signedDistance(center, to: patch, cap: cap)
                memo.distance[k] = d
                memo.from[k] = center
                moved = 0
            }
            if d + moved < radius { location.covered.insert(slot: patch.slot) }
            if d + moved <= 0 { location.containing.insert(slot: patch.slot) }
            margin = min(margin, abs(d - radius) - moved, abs(d) - moved)
        }
        location.margin = max(0, margin)
        return location
    }

    /// The distance from `p` to the patch's outline, negative inside, at most `cap` outside.
    static func signedDistance(_ p: SurfacePoint, to patch: Patch, cap: Double) -> Double {
        let ys = patch.ys
        let last = ys.count - 1
        var inside = false
        if p.y >= patch.top, p.y <= patch.bottom {
            let i = row(below: p.y, in: patch)
            let t = ys[i + 1] > ys[i] ? min(1, max(0, (p.y - ys[i]) / (ys[i + 1] - ys[i]))) : 0
            let lo = patch.xMin[i] + (patch.xMin[i + 1] - patch.xMin[i]) * t
            let hi = patch.xMax[i] + (patch.xMax[i + 1] - patch.xMax[i]) * t
            inside = p.x >= lo && p.x <= hi
        }
        var best = cap
        // The top and bottom edges.
        best = min(best, p.distance(toSegment: point(patch, 0, min: true), point(patch, 0, min: false)))
        best = min(best, p.distance(toSegment: point(patch, last, min: true), point(patch, last, min: false)))
        // The side edges, from the row nearest the point outward, while a row could be nearer.
        let start = p.y <= patch.top ? 0 : (p.y >= patch.bottom ? last - 1 : row(below: p.y, in: patch))
        var i = start
        while i >= 0, p.y - ys[i + 1] < best {
            best = min(best, sideDistance(p, patch, i))
            i -= 1
        }
        i = start + 1
        while i < last, ys[i] - p.y < best {
            best = min(best, sideDistance(p, patch, i))
            i += 1
        }
        return inside ? -best : best
    }

    /// The segment index `i` with `ys[i] <= y < ys[i + 1]`, clamped to the patch.
    private static func row(below y: Double, in patch: Patch) -> Int {
        let spacing = RegionPatch.rowSpacing
        return min(patch.ys.count - 2, max(0, Int(((y - patch.top) / spacing).rounded(.down))))
    }

    private static func point(_ patch: Patch, _ i: Int, min: Bool) -> SurfacePoint {
        SurfacePoint(x: min ? patch.xMin[i] : patch.xMax[i], y: patch.ys[i])
    }

    private static func sideDistance(_ p: SurfacePoint, _ patch: Patch, _ i: Int) -> Double {
        Swift.min(
            p.distance(toSegment: point(patch, i, min: true), point(patch, i + 1, min: true)),
            p.distance(toSegment: point(patch, i, min: false), point(patch, i + 1, min: false)))
    }
}
