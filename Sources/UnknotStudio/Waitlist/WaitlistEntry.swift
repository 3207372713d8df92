import Foundation
import UnknotCore

/// A client's place on the waitlist, as they see it.
public struct WaitlistEntry: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable {
        /// Waiting for a time in the range to free.
        case waiting
        /// A freed time is held for the client until `offerExpiresAt`.
        case offered
        /// The client booked the offered time.
        case booked
        /// An offer ran out before the client booked it; the time went to the next.
        case missed
        /// The client left the waitlist.
        case left
    }

    public var id: UUID
    public var programID: String
    public var minutes: Int
    public var day: CalendarDate
    /// The earliest and latest start wanted, minutes of the day.
    public var from: Int
    public var to: Int
    public var status: Status
    public var joinedAt: Date
    /// The order of joining, studio-wide: a lower place is offered first.
    public var position: Int
    /// The held booking while `offered` (its start and station).
    public var offer: BookingView?
    public var offerExpiresAt: Date?
}
