import Foundation
import UnknotCore

/// The client lying prone on the table, as MuJoCo sees it: the back of the body from the client's
/// own ``BodyModel`` (a scan or measurements) as a height field on 1 cm squares, on a body that
/// gives under the pad like the tissue under it (a vertical spring and damper, set each step to
/// the stiffness of the region the pad is on: ``ClientTissue``).
///
/// Why a height field and a spring rather than a soft geometry per region: the surface the pad
/// follows is then exactly the body model the planner plans on (no capsule approximation), and the
/// force-indentation law is exactly the tissue's, in newtons per metre; MuJoCo's own soft contact
/// scales with the arm's effective mass, which changes with its pose. What it does not show:
/// tissue dragged sideways by the pad, or an indentation spreading to a neighbouring region.
///
/// Guarantees: chart and world coordinates convert both ways exactly (``world(_:)``,
/// ``chart(x:y:)``); the heights are the model's ``BodyModel/surfaceHeight(at:face:)`` on the grid.
public struct BodySurface: Sendable {
    public let model: BodyModel
    /// The grid's spacing, metres.
    public let spacing: Double
    /// Where the top of the head lies along the table (world x of the chart's y = 0), metres.
    public let headX: Double
    /// The table top's height, metres.
    public let tableTop: Double
    /// Samples along the body (columns, world x) and across it (rows, world y).
    public let columns: Int
    public let rows: Int
    /// Half the width the grid spans across the body, metres.
    public let halfWidth: Double
    /// Heights above the table, metres, row after row.
    public let heights: [Double]

    /// The joint the tissue's spring acts on, and the body's geom.
    public static let tissueJoint = "tissue"
    public static let geom = "client"
    /// The client's body in MuJoCo (the height field on its tissue's slide joint).
    public static let body = "client"

    public init(
        model: BodyModel, spacing: Double = 0.01, headX: Double = -0.9, tableTop: Double = StationScene.table.top
    ) {
        self.model = model
        self.spacing = spacing
        self.headX = headX
        self.tableTop = tableTop
        let length = model.measurements.height / 100
        var widest = 0.0
        for y in stride(from: 0.0, through: model.measurements.height, by: 1) {
            widest = max(widest, model.torsoHalfWidth(at: y))
            if let leg = model.leg(at: y) { widest = max(widest, leg.center + leg.halfWidth) }
            if let arm = model.arm(at: y) { widest = max(widest, arm.center + arm.halfWidth) }
        }
        halfWidth = widest / 100 + 0.02
        columns = Int((length / spacing).rounded()) + 1
        rows = Int((2 * halfWidth / spacing).rounded()) + 1
        var heights = [Double](repeating: 0, count: rows * columns)
        for r in 0..<rows {
            for c in 0..<columns {
                let p = SurfacePoint(x: (-halfWidth + Double(r) * spacing) * 100, y: Double(c) * spacing * 100)
                heights[r * columns + c] = model.surfaceHeight(at: p, face: .posterior) / 100
            }
        }
        self.heights = heights
    }

    /// The length of the grid along the table, metres.
    public var length: Double { Double(columns - 1) * spacing }

    /// The surface point over a chart point, metres in the world frame (the tissue at rest).
    public func world(_ p: SurfacePoint) -> SIMD3<Double> {
        SIMD3(headX + p.y / 100, p.x / 100, tableTop + model.surfaceHeight(at: p, face: .posterior) / 100)
    }

    /// The chart point under a world position (x along the table, y across it).
    public func chart(x: Double, y: Double) -> SurfacePoint { SurfacePoint(x: y * 100, y: (x - headX) * 100) }

    /// The surface's outward normal at a chart point, in the world frame.
    public func normal(_ p: SurfacePoint) -> SIMD3<Double> {
        let n = model.normal(at: p, face: .posterior)
        return SIMD3(n.y, n.x, n.z)
    }

    /// The region (and side) of the back under a chart point, if any.
    public func part(at p: SurfacePoint) -> BodyPartID? {
        model.patches.first { $0.face == .posterior && $0.contains(p) }?.part
    }

    /// The MJCF `<hfield>` asset, and the client's body (to go in a `<worldbody>`): the height
    /// field on a vertical slide joint held by the tissue's spring, weightless (its weight is on
    /// the table), touching the pad but not the table it lies on.
    public func mjcf(stiffness: Double, damping: Double) -> (asset: String, body: String) {
        let top = max(heights.max() ?? 0, 0.01)
        let elevation = heights.map { String(format: "%.5f", $0 / top) }.joined(separator: " ")
        let asset = """
            <hfield name="client" nrow="\(rows)" ncol="\(columns)" size="\(length / 2) \(halfWidth) \(top) 0.01" elevation="\(elevation)"/>
            """
        let body = """
            <body name="\(Self.body)" pos="\(headX + length / 2) 0 \(tableTop)" gravcomp="1">
              <joint name="\(Self.tissueJoint)" type="slide" axis="0 0 1" stiffness="\(stiffness)" damping="\(damping)"/>
              <inertial pos="0 0 0" mass="1" diaginertia="0.1 0.1 0.1"/>
              <geom name="\(Self.geom)" type="hfield" hfield="client" contype="2" conaffinity="2" rgba="0.85 0.7 0.6 1"/>
            </body>
            """
        return (asset, body)
    }
}
