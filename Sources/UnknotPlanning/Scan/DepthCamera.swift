import Foundation

/// The pinhole intrinsics of a depth camera, in pixels: what turns a raw depth frame into 3D
/// points. The camera looks straight down at the table (its optical axis perpendicular to the
/// table top), with image rows running along the table, head end first.
public struct DepthCamera: Sendable, Hashable, Codable {
    /// Focal lengths in pixels.
    public var fx: Double
    public var fy: Double
    /// Principal point in pixels (the column and row the optical axis passes through).
    public var cx: Double
    public var cy: Double

    public init(fx: Double, fy: Double, cx: Double, cy: Double) {
        self.fx = fx
        self.fy = fy
        self.cx = cx
        self.cy = cy
    }

    /// Parses `fx=… fy=… cx=… cy=…` (as written in a PGM comment or on the command line).
    public init?(parsing text: String) {
        var values: [String: Double] = [:]
        for part in text.split(whereSeparator: { $0 == " " || $0 == "," }) {
            let pair = part.split(separator: "=", maxSplits: 1)
            if pair.count == 2, let value = Double(pair[1]) { values[String(pair[0])] = value }
        }
        guard let fx = values["fx"], let fy = values["fy"], let cx = values["cx"], let cy = values["cy"],
            fx > 0, fy > 0, fx.isFinite, fy.isFinite, cx.isFinite, cy.isFinite
        else { return nil }
        self.init(fx: fx, fy: fy, cx: cx, cy: cy)
    }

    public var text: String { "fx=\(fx) fy=\(fy) cx=\(cx) cy=\(cy)" }
}
