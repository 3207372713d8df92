/// A program as the studio offers it: the catalog's program with the lengths, prices and promo
/// rule the admin set.
public struct ProgramOffer: Sendable, Hashable {
    public var id: String
    public var name: String
    public var summary: String
    public var lengths: [Int]
    /// Cents per offered length that has a price.
    public var prices: [Int: Int]
    public var acceptsPromoCodes: Bool
    public var bookable: Bool
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
