import UnknotCore

/// Which parts of the body a contact covers, worked out from where the contact is, never from
/// what a setpoint says it is.
///
/// Each part's patch (``RegionPatch``: rows every 0.5 cm along the body) is a polygon on the
/// surface chart. ``locate(_:radius:on:)`` answers, for a contact disk, which patches of a face
/// it overlaps and which contain its centre, exactly (signed distance to each patch's outline,
/// inside negative), and how far the centre may move before either answer can change: the
/// signed distance moves no faster than the point does, so a cached answer stays exact while
/// the centre stays within that margin. A stroke crosses a boundary about once a second, so
/// the answer is recomputed rarely, and allocates nothing when it is.
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

    /// The parts a disk of `radius` at `center` on `face` covers and contains. `center` must
    /// be finite.
    func locate(_ center: SurfacePoint, radius: Double, on face: BodyFace) -> Location {
        var location = Location()
        var margin = Double.infinity
        let cap = radius + Self.reach
        for patch in patches where patch.face == face {
            let dx = max(0, patch.minX - center.x, center.x - patch.maxX)
            let dy = max(0, patch.top - center.y, center.y - patch.bottom)
            let boxDistance = (dx * dx + dy * dy).squareRoot()
            if boxDistance >= cap {
                margin = min(margin, boxDistance - radius)
                continue
            }
            let d = Self.signedDistance(center, to: patch, cap: cap)
            if d < radius { location.covered.insert(slot: patch.slot) }
            if d <= 0 { location.containing.insert(slot: patch.slot) }
            margin = min(margin, abs(d - radius), abs(d))
        }
        location.margin = margin
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
