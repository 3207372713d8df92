import FluentKit
import Foundation

/// A client's use of a code that may be used once per client (unique per client and code, so
/// two bookings racing for the same once-only code cannot both have it).
final class PromoRedemptionRow: Model, @unchecked Sendable {
    static let schema = "promo_redemptions"

    @ID(key: .id) var id: UUID?
    @Field(key: "account_id") var accountID: UUID
    @Field(key: "code") var code: String
    @Field(key: "booking_id") var bookingID: UUID

    init() {}

    init(accountID: UUID, code: String, bookingID: UUID) {
        self.id = UUID()
        self.accountID = accountID
        self.code = code
        self.bookingID = bookingID
    }
}
