/// The body sensors' datagram, 32 bytes little-endian, one reading each (documented in
/// docs/station.md): `UKBS`, version 1, kind (1 a beat, 2 a sample), two zero bytes, station
/// time (Int64, ms), then the beat's RR interval (ms) and 0, or the sample's skin conductance
/// (µS) and breathing (Float64 each).
///
/// Guarantees: a datagram decodes only when every field is finite and in range; anything else
/// is refused with the field named, never a crash.
public enum BodySensorWire {
    public static let size = 32
    public static let version: UInt8 = 1
    static let magic: [UInt8] = Array("UKBS".utf8)

    /// Heart beats a chest strap can report (20 to 300 per minute).
    public static let rrRange = 200.0...3_000.0
    /// Skin conductance a sensor can report, µS.
    public static let skinRange = 0.0...100.0

    /// Why a datagram is not a body-sensor reading.
    public enum Failure: Error, Sendable, Hashable, CustomStringConvertible {
        case size(Int)
        case notBodySensors
        case unsupportedVersion(Int)
        case unknownKind(Int)
        case outOfRange(String)

        public var description: String {
            switch self {
            case .size(let count): "a body-sensor datagram is \(BodySensorWire.size) bytes, not \(count)"
            case .notBodySensors: "not a body-sensor datagram (no UKBS magic)"
            case .unsupportedVersion(let version): "body-sensor version \(version) is not spoken here (this is 1)"
            case .unknownKind(let kind): "unknown body-sensor reading kind \(kind) (1 a beat, 2 a sample)"
            case .outOfRange(let field): "\(field) is not a finite number in its range"
            }
        }
    }

    /// The reading as a datagram.
    public static func encode(_ reading: BodySensorReading) -> [UInt8] {
        var bytes = magic + [version, 0, 0, 0]
        let (kind, time, a, b): (UInt8, Int, Double, Double) =
            switch reading {
            case .beat(let rr, let at): (1, at, rr, 0)
            case .sample(let skin, let breath, let at): (2, at, skin, breath)
            }
        bytes[5] = kind
        for value in [UInt64(bitPattern: Int64(time)), a.bitPattern, b.bitPattern] {
            for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> shift)) }
        }
        return bytes
    }

    /// The reading in a datagram, or why there is none.
    public static func decode(_ bytes: UnsafeRawBufferPointer) throws(Failure) -> BodySensorReading {
        guard bytes.count == size else { throw .size(bytes.count) }
        guard bytes[0] == magic[0], bytes[1] == magic[1], bytes[2] == magic[2], bytes[3] == magic[3] else {
            throw .notBodySensors
        }
        guard bytes[4] == version else { throw .unsupportedVersion(Int(bytes[4])) }
        func word(_ offset: Int) -> UInt64 {
            UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        }
        let time = Int(Int64(bitPattern: word(8)))
        let a = Double(bitPattern: word(16))
        let b = Double(bitPattern: word(24))
        guard time >= 0 else { throw .outOfRange("time") }
        switch bytes[5] {
        case 1:
            guard rrRange.contains(a) else { throw .outOfRange("rrMilliseconds") }
            return .beat(rrMilliseconds: a, at: time)
        case 2:
            guard skinRange.contains(a) else { throw .outOfRange("skinConductance") }
            guard b.isFinite, abs(b) <= 1e6 else { throw .outOfRange("respiration") }
            return .sample(skinConductance: a, respiration: b, at: time)
        default:
            throw .unknownKind(Int(bytes[5]))
        }
    }
}
