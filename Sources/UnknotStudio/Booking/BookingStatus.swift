/// Where a booking stands.
public enum BookingStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case booked
    case inProgress = "in-progress"
    case cancelled
    case completed
}
