import CZlib

extension Picture {
    /// The picture as a PNG file (8-bit RGB, no interlacing, each row unfiltered, zlib at level 9).
    public func png() throws(Failure) -> [UInt8] {
        var rows = [UInt8]()
        rows.reserveCapacity(height * (width * 3 + 1))
        for y in 0..<height {
            rows.append(0)  // filter: none
            rows.append(contentsOf: pixels[(y * width * 3)..<((y + 1) * width * 3)])
        }
        var header = [UInt8]()
        header.appendBigEndian(UInt32(width))
        header.appendBigEndian(UInt32(height))
        header.append(contentsOf: [8, 2, 0, 0, 0])  // 8 bits, RGB, deflate, adaptive filters, none interlaced
        var file: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        Self.appendChunk("IHDR", header, to: &file)
        Self.appendChunk("IDAT", try Self.deflate(rows), to: &file)
        Self.appendChunk("IEND", [], to: &file)
        return file
    }

    /// zlib's stream (header, deflate, Adler-32) of `bytes`.
    static func deflate(_ bytes: [UInt8]) throws(Failure) -> [UInt8] {
        var size = compressBound(uLong(bytes.count))
        var out = [UInt8](repeating: 0, count: Int(size))
        let status = out.withUnsafeMutableBufferPointer { o in
            bytes.withUnsafeBufferPointer { i in compress2(o.baseAddress, &size, i.baseAddress, uLong(i.count), 9) }
        }
        // compressBound is enough by zlib's contract: out of memory is the only other outcome.
        guard status == Z_OK else { throw Failure(description: "zlib could not compress the picture (\(status))") }
        return Array(out.prefix(Int(size)))
    }

    static func appendChunk(_ type: String, _ data: [UInt8], to file: inout [UInt8]) {
        let typed = Array(type.utf8) + data
        file.appendBigEndian(UInt32(data.count))
        file.append(contentsOf: typed)
        let crc = typed.withUnsafeBufferPointer { crc32(0, $0.baseAddress, uInt($0.count)) }
        file.appendBigEndian(UInt32(crc))
    }
}

extension [UInt8] {
    mutating func appendBigEndian(_ value: UInt32) {
        append(contentsOf: [
            UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF),
        ])
    }
}
