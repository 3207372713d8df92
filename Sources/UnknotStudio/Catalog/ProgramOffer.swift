/// A program as the studio offers it: the catalog's program with the lengths, prices and promo
/// rule the admin set.
public struct ProgramOffer: Sendable, Hashable {
    public var id: String
    public var name: String
    public var summary: String
    public var lengths: [Int]
    /// Price per offered length, cents (lengths without a price are not offered).
    public var prices: [(minutes: Int, cents: Int)]
    public var acceptsPromoCodes: Bool
    public var bookable: Bool

    public static func == (a: ProgramOffer, b: ProgramOffer) -> Bool {
        a.id == b.id && a.lengths == b.lengths && a.prices.map(\.minutes) == b.prices.map(\.minutes)
            && a.prices.map(\.cents) == b.prices.map(\.cents) && a.acceptsPromoCodes == b.acceptsPromoCodes
            && a.bookable == b.bookable && a.name == b.name
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}

/// What an admin changes about how a program is offered (`nil`: unchanged).
public struct ProgramChange: Sendable, Hashable {
    public var bookable: Bool?
    public var acceptsPromoCodes: Bool?
    public var lengths: [Int]?

    public init(bookable: Bool? = nil, acceptsPromoCodes: Bool? = nil, lengths: [Int]? = nil) {
        self.bookable = bookable
        self.acceptsPromoCodes = acceptsPromoCodes
        self.lengths = lengths
    }
}
