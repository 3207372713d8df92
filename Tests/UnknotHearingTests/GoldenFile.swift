import Foundation

/// Reads the little-endian files under Golden/ and the model's resources, from the source tree.
enum GoldenFile {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func data(_ path: String) throws -> Data {
        try Data(contentsOf: root.appendingPathComponent(path))
    }

    static func floats(_ path: String) throws -> [Float] {
        let bytes = try data(path)
        return stride(from: 0, to: bytes.count - 3, by: 4).map { i -> Float in
            var bits: UInt32 = 0
            for byte in 0..<4 { bits |= UInt32(bytes[i + byte]) << UInt32(8 * byte) }
            return Float(bitPattern: bits)
        }
    }

    static func int8s(_ path: String) throws -> [Int8] {
        try data(path).map { Int8(bitPattern: $0) }
    }

    /// 16-bit little-endian mono, scaled to [-1, 1).
    static func int16Audio(_ path: String) throws -> [Float] {
        let bytes = try data(path)
        return stride(from: 0, to: bytes.count - 1, by: 2).map { i -> Float in
            Float(Int16(bitPattern: UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8)) / 32_768
        }
    }

    static let testAudio = "Sources/UnknotHearing/Resources/yamnet/yamnet_test_audio.bin"
}
