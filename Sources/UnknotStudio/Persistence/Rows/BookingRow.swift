import FluentKit
import Foundation

/// A stored booking.
final class BookingRow: Model, @unchecked Sendable {
    static let schema = "bookings"

    @ID(key: .id) var id: UUID?
    @Field(key: "account_id") var accountID: UUID
    @Field(key: "station_id") var stationID: Int
    @Field(key: "program_id") var programID: String
    /// Studio-local minutes (`StudioTime.minutes`).
    @Field(key: "start") var start: Int
    @Field(key: "minutes") var minutes: Int
    /// The cleaning buffer held after the session when it was booked.
    @Field(key: "buffer") var buffer: Int
    @Field(key: "status") var status: String
    @Field(key: "price_cents") var priceCents: Int
    @Field(key: "discount_cents") var discountCents: Int
    @OptionalField(key: "promo_code") var promoCode: String?
    /// The care plan version the session uses: the current one when booked, pinned at the start.
    @Field(key: "care_plan_version") var carePlanVersion: Int
    /// Bumped on every change (calendar SEQUENCE).
    @Field(key: "sequence") var sequence: Int
    @Field(key: "created_at") var createdAt: Date
    /// The session for two this booking belongs to (both seats carry it), or nil.
    @OptionalField(key: "couple_id") var coupleID: UUID?
    /// Which seat of a session for two: `CoupleSeat` (`booker`, `open`, `partner`), or nil.
    @OptionalField(key: "couple_seat") var coupleSeat: String?

    init() {}
}
