import UnknotCore

/// One attempt to use a promo code: the session, its price, the day it is booked for, the client.
public struct PromoRequest: Sendable {
    public var program: Program
    public var minutes: Int
    public var price: Money
    public var date: CalendarDate
    public var client: PromoHistory

    public init(program: Program, minutes: Int, price: Money, date: CalendarDate, client: PromoHistory) {
        self.program = program
        self.minutes = minutes
        self.price = price
        self.date = date
        self.client = client
    }
}
