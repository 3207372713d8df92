/// What a session will cost: the price, what a code takes off, the total, and what became of
/// the code and why.
///
/// Guarantees: `total == base - discount`, and `0 <= discount <= base`.
public struct Quote: Hashable, Sendable, Codable {
    /// What became of a promo code.
    public enum Promo: Hashable, Sendable, Codable {
        case applied(code: String, discount: Money)
        case refused(code: String, reason: PromoRefusal)
    }

    public var base: Money
    public var discount: Money
    public var promo: Promo?
    public var total: Money { base - discount }

    public init(base: Money, discount: Money, promo: Promo?) {
        self.base = base
        self.discount = min(max(discount, .zero), base)
        self.promo = promo
    }

    /// One line for a client: "$55.00 − $10.00 (BLOG) = $45.00", or why the code did not apply.
    public var summary: String {
        switch promo {
        case .applied(let code, let discount): "\(base) - \(discount) (\(code)) = \(total)"
        case .refused(let code, let reason): "\(total) (\(code) does not apply: \(reason))"
        case nil: "\(total)"
        }
    }
}
