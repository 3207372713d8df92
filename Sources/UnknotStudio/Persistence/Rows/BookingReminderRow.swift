import FluentKit
import Foundation

/// That a booking's reminder was put in the outbox (once per booking and start: a moved
/// booking is reminded of its new time).
final class BookingReminderRow: Model, @unchecked Sendable {
    static let schema = "booking_reminders"

    @ID(key: .id) var id: UUID?
    @Field(key: "booking_id") var bookingID: UUID
    /// The start (studio minutes) the reminder was for.
    @Field(key: "start") var start: Int
    @Field(key: "queued_at") var queuedAt: Date

    init() {}

    init(bookingID: UUID, start: Int, queuedAt: Date) {
        self.id = UUID()
        self.bookingID = bookingID
        self.start = start
        self.queuedAt = queuedAt
    }
}
