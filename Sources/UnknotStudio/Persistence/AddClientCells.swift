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
        // The columns this step knows, never the whole model: later migrations add columns that
        // do not exist yet when this one runs.
        let rows = try await sql.select().column("id").column("account_id").column("start").column("minutes")
            .from(BookingRow.schema).where("status", .in, active).orderBy("created_at").all()
        for row in rows {
            let id = try row.decode(column: "id", as: UUID.self)
            let account = try row.decode(column: "account_id", as: UUID.self)
            let start = try row.decode(column: "start", as: Int.self)
            let minutes = try row.decode(column: "minutes", as: Int.self)
            for cell in Studio.clientCells(start: start, minutes: minutes) {
                try await sql.raw(
                    """
                    INSERT INTO client_cells (id, booking_id, account_id, cell)
                    VALUES (\(bind: UUID()), \(bind: id), \(bind: account), \(bind: cell))
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
