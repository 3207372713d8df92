import UnknotCore

/// What a session costs, by its length in minutes.
///
/// Guarantees: every price is positive; a length without a price is refused with the lengths
/// that have one.
public struct PriceList: Hashable, Sendable, Codable {
    public private(set) var prices: [Int: Money]

    /// - Throws: ``PricingError/badPrice(minutes:price:)`` for a price of zero or less.
    public init(_ prices: [Int: Money]) throws(PricingError) {
        for (minutes, price) in prices where price <= .zero || minutes <= 0 {
            throw .badPrice(minutes: minutes, price: price)
        }
        self.prices = prices
    }

    /// The demo studio's prices: 15 min $35, 30 min $55, 45 min $75, 60 min $95, 90 min $135.
    public static let standard = PriceList(
        uncheckedPrices: [
            15: .dollars(35), 30: .dollars(55), 45: .dollars(75), 60: .dollars(95), 90: .dollars(135),
        ])

    private init(uncheckedPrices: [Int: Money]) { prices = uncheckedPrices }

    /// The price of a session of `minutes`.
    public func price(minutes: Int) throws(PricingError) -> Money {
        guard let price = prices[minutes] else {
            throw .noPrice(minutes: minutes, lengths: prices.keys.sorted())
        }
        return price
    }

    /// The price of a session, and what a promo code does to it, with the reason.
    public func quote(
        program: Program, minutes: Int, code: String?, codes: [PromoCode], client: PromoHistory, on date: CalendarDate
    ) throws(PricingError) -> Quote {
        guard program.lengths.contains(minutes) else {
            throw .lengthNotOffered(
                program: program.id, minutes: minutes, lengths: program.lengths.sorted())
        }
        let base = try price(minutes: minutes)
        guard let code, !code.trimmingCharacters(in: .whitespaces).isEmpty else {
            return Quote(base: base, discount: .zero, promo: nil)
        }
        let normalized = PromoCode.normalize(code)
        guard let promo = codes.first(where: { $0.code == normalized }) else {
            return Quote(base: base, discount: .zero, promo: .refused(code: normalized, reason: .unknown))
        }
        let request = PromoRequest(
            program: program, minutes: minutes, price: base, date: date, client: client)
        switch promo.decide(request) {
        case .success(let discount):
            return Quote(base: base, discount: discount, promo: .applied(code: promo.code, discount: discount))
        case .failure(let reason):
            return Quote(base: base, discount: .zero, promo: .refused(code: promo.code, reason: reason))
        }
    }
}
