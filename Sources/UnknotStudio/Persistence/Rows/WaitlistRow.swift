import FluentKit
import Foundation

/// A client waiting for a time: a program and length, one day, a range of starts. When a time
/// there frees, the first waiting client it suits is offered it: a booking in `offered` state
/// holds the station (so no one else takes it) until `offerExpiresAt`.
final class WaitlistRow: Model, @unchecked Sendable {
    static let schema = "waitlist"

    @ID(key: .id) var id: UUID?
    @Field(key: "account_id") var accountID: UUID
    @Field(key: "program_id") var programID: String
    @Field(key: "minutes") var minutes: Int
    /// Studio day number.
    @Field(key: "day") var day: Int
    /// The earliest and latest start wanted, minutes of the day.
    @Field(key: "from_minute") var fromMinute: Int
    @Field(key: "to_minute") var toMinute: Int
    @Field(key: "created_at") var createdAt: Date
    /// The order of joining, studio-wide (unique): first come, first offered.
    @Field(key: "position") var position: Int
    /// waiting, offered, booked, missed (an offer ran out), left.
    @Field(key: "status") var status: String
    /// The booking that holds the offered time (status `offered`), while one is offered.
    @OptionalField(key: "offer_booking_id") var offerBookingID: UUID?
    @OptionalField(key: "offer_expires_at") var offerExpiresAt: Date?

    init() {}
}
