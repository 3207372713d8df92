import Foundation

/// A depth image from a camera above the table: one 16-bit value per pixel, the distance from
/// the sensor in millimetres along its optical axis (0 where the sensor had no reading). Row 0
/// is at the head end of the table.
///
/// Either a raw frame as the camera took it (`camera` holds its intrinsics; see
/// ``topView(millimetresPerPixel:)``), or a top view already resampled to square pixels of
/// ``millimetresPerPixel`` (`camera` is `nil`).
public struct DepthImage: Sendable, Hashable {
    public var width: Int
    public var height: Int
    /// Row-major, `width * height` values.
    public var pixels: [UInt16]
    /// Pixel size of a top view; ignored for a raw frame.
    public var millimetresPerPixel: Double
    /// The intrinsics of the camera that took a raw frame; `nil` for a top view.
    public var camera: DepthCamera?

    public init(width: Int, height: Int, pixels: [UInt16], millimetresPerPixel: Double, camera: DepthCamera? = nil) {
        precondition(pixels.count == width * height, "pixel count must be width × height")
        self.width = width
        self.height = height
        self.pixels = pixels
        self.millimetresPerPixel = millimetresPerPixel
        self.camera = camera
    }

    public subscript(row: Int, column: Int) -> UInt16 {
        get { pixels[row * width + column] }
        set { pixels[row * width + column] = newValue }
    }

    /// The image turned end for end (head at the other end).
    public var flippedVertically: DepthImage {
        var copy = self
        for r in 0..<height {
            for c in 0..<width { copy[r, c] = self[height - 1 - r, width - 1 - c] }
        }
        if let camera {
            copy.camera = DepthCamera(
                fx: camera.fx, fy: camera.fy, cx: Double(width - 1) - camera.cx, cy: Double(height - 1) - camera.cy)
        }
        return copy
    }

    /// The most common reading (2 mm bins): the table top, which fills most of a scan; `nil`
    /// when fewer than a quarter of the pixels have a reading.
    public func mostCommonDepth() -> Double? {
        var bins = [Int](repeating: 0, count: 32_768)
        var valid = 0
        for value in pixels where value > 0 {
            bins[Int(value) / 2] += 1
            valid += 1
        }
        guard valid > pixels.count / 4 else { return nil }
        let best = bins.indices.max { bins[$0] < bins[$1] }!
        return Double(best * 2) + 1
    }
}
