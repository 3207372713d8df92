/// An amount of money in integer cents of the studio's currency (US dollars by default), so
/// that prices, discounts and totals add up exactly.
///
/// Guarantees: arithmetic is exact; ``description`` prints dollars and cents ("$45.00",
/// "-$10.00").
public struct Money: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    public var cents: Int

    public init(cents: Int) { self.cents = cents }

    /// Whole dollars.
    public static func dollars(_ dollars: Int) -> Money { Money(cents: dollars * 100) }

    public static let zero = Money(cents: 0)

    public static func + (lhs: Money, rhs: Money) -> Money { Money(cents: lhs.cents + rhs.cents) }
    public static func - (lhs: Money, rhs: Money) -> Money { Money(cents: lhs.cents - rhs.cents) }
    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.cents < rhs.cents }

    /// `percent` of this amount, rounded half up to the cent.
    public func percent(_ percent: Int) -> Money {
        let scaled = cents * percent
        return Money(cents: scaled >= 0 ? (scaled + 50) / 100 : -((-scaled + 50) / 100))
    }

    public var description: String {
        let sign = cents < 0 ? "-" : ""
        let magnitude = cents.magnitude
        let fraction = magnitude % 100
        return "\(sign)$\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    public init(from decoder: any Decoder) throws {
        cents = try decoder.singleValueContainer().decode(Int.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(cents)
    }
}
