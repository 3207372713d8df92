/// The `fmt ` chunk of a WAV file: how its samples are stored.
struct WAVFormat {
    enum Encoding { case integer, float }

    let encoding: Encoding
    let channels: Int
    let sampleRate: Int
    let bits: Int

    init(_ chunk: ArraySlice<UInt8>) throws {
        let bytes = Array(chunk)
        guard bytes.count >= 16 else {
            throw AudioFileError("the WAV format chunk is too short (\(bytes.count) bytes)")
        }
        var tag = Int(readLittleEndian(bytes, 0, as: UInt16.self))
        channels = Int(readLittleEndian(bytes, 2, as: UInt16.self))
        sampleRate = Int(readLittleEndian(bytes, 4, as: UInt32.self))
        bits = Int(readLittleEndian(bytes, 14, as: UInt16.self))
        if tag == 0xFFFE, bytes.count >= 26 {
            tag = Int(readLittleEndian(bytes, 24, as: UInt16.self))  // the sub-format GUID's first two bytes
        }
        var problems: [String] = []
        switch (tag, bits) {
        case (1, 8), (1, 16), (1, 24), (1, 32): encoding = .integer
        case (3, 32), (3, 64): encoding = .float
        default:
            encoding = .integer
            problems.append(
                "its encoding (format \(tag), \(bits) bits) is not supported: use PCM 8/16/24/32-bit or float 32/64-bit"
            )
        }
        if channels < 1 || channels > 64 { problems.append("it claims \(channels) channels (1 to 64 are read)") }
        if sampleRate < 4_000 || sampleRate > 384_000 {
            problems.append("its sample rate \(sampleRate) Hz is outside 4,000-384,000 Hz")
        }
        guard problems.isEmpty else { throw AudioFileError(problems.joined(separator: "; ")) }
    }

    /// The frames in `range` of `bytes`, each the average of its channels, in [-1, 1].
    func decode(_ bytes: [UInt8], _ range: Range<Int>) -> [Float] {
        let width = bits / 8
        let frame = width * channels
        let frames = range.count / frame
        var out = [Float](repeating: 0, count: frames)
        let scale = 1 / Float(channels)
        for f in 0..<frames {
            var sum: Float = 0
            for c in 0..<channels {
                sum += sample(bytes, range.lowerBound + f * frame + c * width)
            }
            out[f] = sum * scale
        }
        return out
    }

    @inline(__always)
    private func sample(_ bytes: [UInt8], _ at: Int) -> Float {
        switch (encoding, bits) {
        case (.integer, 8): return (Float(bytes[at]) - 128) / 128
        case (.integer, 16): return Float(Int16(bitPattern: readLittleEndian(bytes, at, as: UInt16.self))) / 32_768
        case (.integer, 24):
            let raw = Int32(
                bitPattern: UInt32(bytes[at]) << 8 | UInt32(bytes[at + 1]) << 16 | UInt32(bytes[at + 2]) << 24)
            return Float(raw >> 8) / 8_388_608
        case (.integer, _):
            return Float(Int32(bitPattern: readLittleEndian(bytes, at, as: UInt32.self))) / 2_147_483_648
        case (.float, 32):
            let value = Float(bitPattern: readLittleEndian(bytes, at, as: UInt32.self))
            return value.isFinite ? max(-1, min(1, value)) : 0
        case (.float, _):
            let value = Float(Double(bitPattern: readLittleEndian(bytes, at, as: UInt64.self)))
            return value.isFinite ? max(-1, min(1, value)) : 0
        }
    }
}
