import Foundation

/// One event of a calendar file: a booked session as a client's calendar shows it.
public struct CalendarEvent: Hashable, Sendable {
    /// Stable across updates of the same booking (a rescheduled session replaces the old one).
    public var uid: String
    public var start: Date
    public var end: Date
    public var summary: String
    public var location: String?
    public var description: String?
    /// Bumped when the booking changes, so calendars take the new version.
    public var sequence: Int
    public var cancelled: Bool

    public init(
        uid: String, start: Date, end: Date, summary: String, location: String? = nil, description: String? = nil,
        sequence: Int = 0, cancelled: Bool = false
    ) {
        self.uid = uid
        self.start = start
        self.end = end
        self.summary = summary
        self.location = location
        self.description = description
        self.sequence = sequence
        self.cancelled = cancelled
    }
}
