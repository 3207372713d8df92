/// A pressure level on the 1-10 verbal scale clients use: 1-3 light, 4-6 medium,
/// 7-8 "hurts so good", 9-10 harmful.
///
/// Guarantees: the value is always within 1...10. In JSON it is a plain integer.
public struct PressureLevel: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    public let value: Int

    public static let minimum = PressureLevel(clamping: 1)
    public static let maximum = PressureLevel(clamping: 10)
    /// The usual pain limit when the client names none (CARE.md section 4).
    public static let defaultPainLimit = PressureLevel(clamping: 6)
    /// No pain limit may be set above this.
    public static let highestPainLimit = PressureLevel(clamping: 8)
    /// The most pressure light work (endangerment zones, light-only contraindications) uses.
    public static let lightMaximum = PressureLevel(clamping: 3)

    /// `nil` when the value is outside 1...10.
    public init?(_ value: Int) {
        guard (1...10).contains(value) else { return nil }
        self.value = value
    }

    public init(clamping value: Int) { self.value = min(10, max(1, value)) }

    public var band: PressureBand {
        switch value {
        case 1...3: .light
        case 4...6: .medium
        case 7...8: .hurtsSoGood
        default: .harmful
        }
    }

    public func lowered(by steps: Int) -> PressureLevel { PressureLevel(clamping: value - steps) }

    public var description: String { "\(value)" }

    public static func < (lhs: PressureLevel, rhs: PressureLevel) -> Bool { lhs.value < rhs.value }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode(Int.self)
        guard let level = PressureLevel(raw) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "pressure level \(raw) is outside the scale; use 1 (lightest) to 10")
        }
        self = level
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}

/// The named bands of the pressure scale.
public enum PressureBand: String, Sendable, Codable {
    case light
    case medium
    case hurtsSoGood = "hurts-so-good"
    case harmful
}
