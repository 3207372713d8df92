import UnknotCore

/// Writes little-endian fixed-size fields into a datagram buffer the caller owns. Allocates
/// nothing; writing past the end is a programming error caught by the message sizes (every
/// message checks its size before writing).
struct WireWriter {
    let bytes: UnsafeMutableRawBufferPointer
    private(set) var offset = 0

    init(_ bytes: UnsafeMutableRawBufferPointer) { self.bytes = bytes }

    mutating func put<T: FixedWidthInteger>(_ value: T) {
        bytes.storeBytes(of: value.littleEndian, toByteOffset: offset, as: T.self)
        offset += MemoryLayout<T>.size
    }

    mutating func put(_ value: Double) { put(value.bitPattern) }

    /// A vector times `scale` (0.01 puts centimetres as metres).
    mutating func put(_ value: Vector3, scale: Double = 1) {
        put(value.x * scale)
        put(value.y * scale)
        put(value.z * scale)
    }

    /// `text` as UTF-8 in exactly `width` bytes: cut at a character boundary, padded with zeros.
    mutating func put(_ text: String, width: Int) {
        var written = 0
        for character in text {
            let utf8 = character.utf8
            guard written + utf8.count <= width else { break }
            for byte in utf8 {
                bytes[offset + written] = byte
                written += 1
            }
        }
        while written < width {
            bytes[offset + written] = 0
            written += 1
        }
        offset += width
    }

    mutating func skip(_ count: Int) {
        for i in 0..<count { bytes[offset + i] = 0 }
        offset += count
    }
}

/// Reads little-endian fixed-size fields from a received datagram. Every read is bounds-checked:
/// a short datagram is an error, never a crash.
struct WireReader {
    let bytes: UnsafeRawBufferPointer
    private(set) var offset = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    var remaining: Int { bytes.count - offset }

    mutating func take<T: FixedWidthInteger>(_: T.Type = T.self) throws(RobotLinkError) -> T {
        let size = MemoryLayout<T>.size
        guard offset + size <= bytes.count else { throw .truncated(size: bytes.count) }
        let value = bytes.loadUnaligned(fromByteOffset: offset, as: T.self)
        offset += size
        return T(littleEndian: value)
    }

    /// A finite number; `NaN` and infinities are refused (`field` names it).
    mutating func takeFinite(_ field: RobotLinkField) throws(RobotLinkError) -> Double {
        let value = Double(bitPattern: try take(UInt64.self))
        guard value.isFinite else { throw .notFinite(field) }
        return value
    }

    /// A vector of finite numbers times `scale` (100 reads metres as centimetres).
    mutating func takeVector(_ field: RobotLinkField, scale: Double = 1) throws(RobotLinkError) -> Vector3 {
        let x = try takeFinite(field)
        let y = try takeFinite(field)
        let z = try takeFinite(field)
        return Vector3(x: x * scale, y: y * scale, z: z * scale)
    }

    /// UTF-8 text in `width` bytes, up to its first zero; invalid UTF-8 is repaired, not trusted.
    mutating func takeText(width: Int) throws(RobotLinkError) -> String {
        guard offset + width <= bytes.count else { throw .truncated(size: bytes.count) }
        let slice = UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + width])
        offset += width
        let end = slice.firstIndex(of: 0) ?? width
        return String(decoding: slice[0..<end], as: UTF8.self)
    }

    mutating func skip(_ count: Int) throws(RobotLinkError) {
        guard offset + count <= bytes.count else { throw .truncated(size: bytes.count) }
        offset += count
    }
}
