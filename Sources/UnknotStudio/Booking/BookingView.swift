import Foundation

/// A booking as its client and the staff see it.
public struct BookingView: Sendable, Hashable {
    public var id: UUID
    public var clientID: UUID
    public var clientName: String?
    public var stationID: Int
    public var programID: String
    public var minutes: Int
    public var start: StudioTime
    public var end: StudioTime { start + minutes }
    public var status: BookingStatus
    public var priceCents: Int
    public var discountCents: Int
    public var totalCents: Int { priceCents - discountCents }
    public var promoCode: String?
    /// The care plan version the session uses (0: the client has none; defaults apply).
    public var carePlanVersion: Int
    /// Bumped on every change.
    public var sequence: Int
    public var hasRecord: Bool
    /// For a session for two: this seat and the other one (nil for a session for one).
    public var couple: CoupleView?

    init(_ row: BookingRow, clientName: String? = nil, hasRecord: Bool = false, couple: CoupleView? = nil) {
        id = row.id ?? UUID()
        clientID = row.accountID
        self.clientName = clientName
        stationID = row.stationID
        programID = row.programID
        minutes = row.minutes
        start = StudioTime(minutes: row.start)
        status = BookingStatus(rawValue: row.status) ?? .booked
        priceCents = row.priceCents
        discountCents = row.discountCents
        promoCode = row.promoCode
        carePlanVersion = row.carePlanVersion
        sequence = row.sequence
        self.hasRecord = hasRecord
        self.couple = couple
    }
}

/// A free start on a station.
public struct SlotView: Sendable, Hashable {
    public var stationID: Int
    public var stationName: String
    public var start: StudioTime
    public var end: StudioTime
    /// For two: the station beside `stationID` the partner takes.
    public var partnerStationID: Int?
}
