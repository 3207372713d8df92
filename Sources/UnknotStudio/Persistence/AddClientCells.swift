import FluentKit
import Foundation
import SQLKit

/// Adds the client's own held minutes (`ClientCellRow`), so one client cannot hold two sessions
/// at once (issue #18). Bookings still to come are held from the start; where a client already
/// holds two at once (allowed before), the first keeps the minutes and the other stands as it is.
struct AddClientCells: AsyncMigration {
    var name: String { "AddClientCells-9" }

    func prepare(on db: any Database) async throws {
        try await db.schema(ClientCellRow.schema)
            .id()
            .field("booking_id", .uuid, .required)
            .field("account_id", .uuid, .required)
            .field("cell", .int, .required)
            .unique(on: "account_id", "cell")
            .create()
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.create(index: "client_cells_by_booking").on(ClientCellRow.schema).column("booking_id").run()
        let active = [BookingStatus.booked.rawValue, BookingStatus.inProgress.rawValue]
        let rows = try await BookingRow.query(on: db).filter(\.$status ~~ active).sort(\.$createdAt).all()
        for row in rows {
            guard let id = row.id else { continue }
            for cell in Studio.clientCells(start: row.start, minutes: row.minutes) {
                try await sql.raw(
                    """
                    INSERT INTO client_cells (id, booking_id, account_id, cell)
                    VALUES (\(bind: UUID()), \(bind: id), \(bind: row.accountID), \(bind: cell))
                    ON CONFLICT DO NOTHING
                    """
                ).run()
            }
        }
    }

    func revert(on db: any Database) async throws {
        try await db.schema(ClientCellRow.schema).delete()
    }
}
