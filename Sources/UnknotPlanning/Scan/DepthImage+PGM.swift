import Foundation

extension DepthImage {
    /// Reads a PGM depth image: binary (P5) with one or two bytes per pixel, or plain (P2).
    /// A comment `# camera fx=… fy=… cx=… cy=…` marks a raw frame with its camera's intrinsics;
    /// otherwise the image is a top view, and a comment `# resolution-mm=5` sets its pixel size
    /// (else `defaultResolution`).
    public static func readPGM(_ data: Data, defaultResolution: Double = 5) throws(ScanError) -> DepthImage {
        let bytes = [UInt8](data)
        guard !bytes.isEmpty else { throw .empty }
        guard bytes.count >= 2, bytes[0] == UInt8(ascii: "P"),
            bytes[1] == UInt8(ascii: "5") || bytes[1] == UInt8(ascii: "2")
        else {
            let head = bytes.prefix(2)
            let printable = head.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
            throw .notPGM(
                printable
                    ? String(decoding: head, as: UTF8.self)
                    : head.map { String(format: "%02X", $0) }.joined(separator: " ") + " (hex)")
        }
        let plain = bytes[1] == UInt8(ascii: "2")
        var index = 2
        var tokens: [Int] = []
        var resolution = defaultResolution
        var camera: DepthCamera?
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        while tokens.count < 3 {
            guard index < bytes.count else { throw .badHeader("it ends before width, height and maximum value") }
            let b = bytes[index]
            if isSpace(b) {
                index += 1
            } else if b == UInt8(ascii: "#") {
                let start = index
                while index < bytes.count && bytes[index] != 0x0A { index += 1 }
                let comment = String(decoding: bytes[start..<index], as: UTF8.self)
                if let range = comment.range(of: "resolution-mm=") {
                    let value = comment[range.upperBound...].prefix { $0.isNumber || $0 == "." }
                    if let mm = Double(value) { resolution = mm }
                }
                if let range = comment.range(of: "camera ") {
                    let text = String(comment[range.upperBound...])
                    guard let parsed = DepthCamera(parsing: text) else {
                        throw .badHeader("the camera comment '\(text)' needs fx=, fy=, cx= and cy= in pixels")
                    }
                    camera = parsed
                }
            } else {
                let start = index
                while index < bytes.count && !isSpace(bytes[index]) && bytes[index] != UInt8(ascii: "#") { index += 1 }
                guard let value = Int(String(decoding: bytes[start..<index], as: UTF8.self)), value > 0 else {
                    throw .badHeader(
                        "'\(String(decoding: bytes[start..<index], as: UTF8.self))' is not a positive whole number")
                }
                tokens.append(value)
            }
        }
        let (width, height, maxValue) = (tokens[0], tokens[1], tokens[2])
        guard maxValue <= 65535 else { throw .badHeader("maximum value \(maxValue) is above 65535") }
        guard width <= 20_000, height <= 20_000 else { throw .badHeader("\(width) × \(height) pixels is too large") }
        guard resolution >= 1, resolution <= 20 else { throw .badResolution(resolution) }
        let count = width * height
        var pixels = [UInt16](repeating: 0, count: count)
        if plain {
            var i = 0
            var value = 0
            var inNumber = false
            for b in bytes[index...] {
                if b >= 0x30 && b <= 0x39 {
                    value = value * 10 + Int(b - 0x30)
                    inNumber = true
                } else if inNumber {
                    if i < count { pixels[i] = UInt16(min(value, 65535)) }
                    i += 1
                    value = 0
                    inNumber = false
                }
            }
            if inNumber {
                if i < count { pixels[i] = UInt16(min(value, 65535)) }
                i += 1
            }
            guard i >= count else { throw .truncated(expectedBytes: count, actualBytes: i) }
        } else {
            index += 1  // the single whitespace after the maximum value
            let bytesPerPixel = maxValue > 255 ? 2 : 1
            let expected = count * bytesPerPixel
            let available = bytes.count - index
            guard available >= expected else {
                throw .truncated(expectedBytes: expected, actualBytes: max(0, available))
            }
            for i in 0..<count {
                pixels[i] =
                    bytesPerPixel == 2
                    ? UInt16(bytes[index + 2 * i]) << 8 | UInt16(bytes[index + 2 * i + 1])
                    : UInt16(bytes[index + i])
            }
        }
        return DepthImage(width: width, height: height, pixels: pixels, millimetresPerPixel: resolution, camera: camera)
    }

    /// The image as a binary 16-bit PGM with its geometry in a comment: the camera's intrinsics
    /// for a raw frame, the pixel size for a top view.
    public func pgmData() -> Data {
        let geometry = camera.map { "# camera \($0.text)" } ?? "# resolution-mm=\(millimetresPerPixel)"
        var data = Data(
            "P5\n# unknot depth scan, millimetres from the sensor\n\(geometry)\n\(width) \(height)\n65535\n".utf8)
        data.reserveCapacity(data.count + pixels.count * 2)
        for value in pixels {
            data.append(UInt8(value >> 8))
            data.append(UInt8(value & 0xFF))
        }
        return data
    }
}
