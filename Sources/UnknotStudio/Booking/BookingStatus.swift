/// Where a booking stands.
public enum BookingStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case booked
    case inProgress = "in-progress"
    case cancelled
    case completed
    /// The session started and stopped before its end: its station restarted, or was gone past the
    /// session's end. A record the station still delivers is stored (and completes the booking if
    /// the session in fact finished).
    case interrupted
    /// A time freed by a cancellation, held for the first client on the waitlist who wants it
    /// until they book it or their hold runs out (then the row is gone and the next is offered).
    case offered

    /// In plain words, for pages.
    public var text: String {
        switch self {
        case .booked: "booked"
        case .inProgress: "in progress"
        case .cancelled: "cancelled"
        case .completed: "completed"
        case .interrupted: "interrupted"
        case .offered: "offered from the waitlist"
        }
    }
}
