import Foundation

/// One standing use of a promo code: whose booking, when, and what it took off. A cancelled
/// booking gives its use back, so it is not one.
public struct PromoRedemption: Sendable, Hashable {
    public var clientName: String
    public var clientEmail: String
    public var bookingID: UUID
    public var start: StudioTime
    public var status: BookingStatus
    public var discountCents: Int
}
