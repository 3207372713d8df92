import UnknotCore

/// What an admin changes about a promo code (`nil`: unchanged).
public struct PromoCodeChange: Sendable, Hashable {
    public var active: Bool?
    public var validUntil: CalendarDate?
    public var totalUses: Int?

    public init(active: Bool? = nil, validUntil: CalendarDate? = nil, totalUses: Int? = nil) {
        self.active = active
        self.validUntil = validUntil
        self.totalUses = totalUses
    }
}

/// A stored promo code: its rules, its uses, and whether it is switched on.
public struct PromoCodeView: Sendable, Hashable {
    public var code: PromoCode
    public var active: Bool
}
