import FluentKit
import Foundation

/// Five minutes of a station held by a booking (the session and its cleaning buffer). The pair
/// (station, cell) is unique in the database, so two bookings can never hold the same minutes:
/// the constraint, inside the booking's transaction, is what makes double booking impossible
/// whatever the concurrency and however many server instances share the database.
final class BookingCellRow: Model, @unchecked Sendable {
    static let schema = "booking_cells"

    /// Cells are five minutes long.
    static let minutes = 5

    @ID(key: .id) var id: UUID?
    @Field(key: "booking_id") var bookingID: UUID
    @Field(key: "station_id") var stationID: Int
    /// Studio-local minutes / 5.
    @Field(key: "cell") var cell: Int

    init() {}

    init(bookingID: UUID, stationID: Int, cell: Int) {
        self.id = UUID()
        self.bookingID = bookingID
        self.stationID = stationID
        self.cell = cell
    }
}
