import FluentKit
import Foundation

/// Five minutes of a client's time held by their booking (the session itself, without the
/// station's cleaning). The pair (account, cell) is unique in the database, so one client can
/// never hold two sessions at once however the requests race (issue #18, defect 3); the
/// booking's own check says why first, in plain words, and this constraint settles the race.
final class ClientCellRow: Model, @unchecked Sendable {
    static let schema = "client_cells"

    @ID(key: .id) var id: UUID?
    @Field(key: "booking_id") var bookingID: UUID
    @Field(key: "account_id") var accountID: UUID
    /// Studio-local minutes / 5, as `BookingCellRow`'s.
    @Field(key: "cell") var cell: Int

    init() {}

    init(bookingID: UUID, accountID: UUID, cell: Int) {
        self.id = UUID()
        self.bookingID = bookingID
        self.accountID = accountID
        self.cell = cell
    }
}
