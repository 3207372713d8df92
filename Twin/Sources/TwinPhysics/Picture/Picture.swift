/// An RGB picture, 8 bits a channel, its rows top to bottom.
///
/// Guarantees: `pixels.count == width * height * 3`, checked on creation.
public struct Picture: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// Red, green and blue of each pixel, row after row from the top.
    public let pixels: [UInt8]

    /// Why a picture could not be taken or written, in the words of what refused.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Nil when `pixels` does not hold `width × height` RGB pixels (or a side is not positive).
    public init?(width: Int, height: Int, pixels: [UInt8]) {
        guard width > 0, height > 0, pixels.count == width * height * 3 else { return nil }
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// The colour at column `x`, row `y` (from the top).
    public func pixel(x: Int, y: Int) -> (red: UInt8, green: UInt8, blue: UInt8) {
        let i = (y * width + x) * 3
        return (pixels[i], pixels[i + 1], pixels[i + 2])
    }

    /// How many distinct colours the picture holds (a blank render has one or two).
    public var colourCount: Int {
        var seen = Set<UInt32>()
        for i in stride(from: 0, to: pixels.count, by: 3) {
            seen.insert(UInt32(pixels[i]) << 16 | UInt32(pixels[i + 1]) << 8 | UInt32(pixels[i + 2]))
        }
        return seen.count
    }
}
