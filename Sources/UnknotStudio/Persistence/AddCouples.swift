import FluentKit

/// Adds sessions for two (issue #18): both seats' bookings carry the couple's id and their seat,
/// and the partner's invitation waits in its own table until it is taken.
struct AddCouples: AsyncMigration {
    var name: String { "AddCouples-12" }

    func prepare(on db: any Database) async throws {
        // One column per statement: SQLite adds one column at a time.
        try await db.schema(BookingRow.schema).field("couple_id", .uuid).update()
        try await db.schema(BookingRow.schema).field("couple_seat", .string).update()
        try await db.schema(PartnerInviteRow.schema)
            .id()
            .field("booking_id", .uuid, .required)
            .field("email", .string, .required)
            .field("token_hash", .string, .required)
            .field("invited_by", .uuid, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "booking_id")
            .unique(on: "token_hash")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(PartnerInviteRow.schema).delete()
        try await db.schema(BookingRow.schema).deleteField("couple_seat").update()
        try await db.schema(BookingRow.schema).deleteField("couple_id").update()
    }
}
