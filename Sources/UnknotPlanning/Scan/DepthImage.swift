import Foundation

/// A depth image from a camera above the table: one 16-bit value per pixel, the distance from
/// the sensor in millimetres (0 where the sensor had no reading), resampled to a top view with
/// square pixels of ``millimetresPerPixel``. Row 0 is at the head end of the table.
public struct DepthImage: Sendable, Hashable {
    public var width: Int
    public var height: Int
    /// Row-major, `width * height` values.
    public var pixels: [UInt16]
    public var millimetresPerPixel: Double

    public init(width: Int, height: Int, pixels: [UInt16], millimetresPerPixel: Double) {
        precondition(pixels.count == width * height, "pixel count must be width × height")
        self.width = width
        self.height = height
        self.pixels = pixels
        self.millimetresPerPixel = millimetresPerPixel
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
        return copy
    }
}
