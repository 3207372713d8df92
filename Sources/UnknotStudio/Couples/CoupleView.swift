import Foundation

/// Which seat of a session for two a booking is.
public enum CoupleSeat: String, Sendable, Hashable, Codable {
    /// The client who booked for two (and pays for both).
    case booker
    /// The seat kept for the invited partner, not taken yet: it holds its station, not anyone's time.
    case open
    /// The seat the partner took, on their own account and care plan.
    case partner
}

/// A session for two as one of its seats sees it: the other seat, who sits there, and (for the
/// booker and staff) where the invitation went while the seat is open.
public struct CoupleView: Sendable, Hashable {
    public var seat: CoupleSeat
    /// The other seat's booking, station and state.
    public var otherBookingID: UUID
    public var otherStationID: Int
    public var otherStatus: BookingStatus
    public var otherSeat: CoupleSeat
    /// The name of the person in the other seat (nil while it is open).
    public var otherName: String?
    /// While the partner's seat is open: the address invited. Shown to the booker and staff only.
    public var invitedEmail: String?
}
