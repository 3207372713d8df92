import FluentKit

/// Adds the waitlist and changes of e-mail address (issue #18).
struct AddWaitlist: AsyncMigration {
    var name: String { "AddWaitlist-10" }

    func prepare(on db: any Database) async throws {
        try await db.schema(WaitlistRow.schema)
            .id()
            .field("account_id", .uuid, .required, .references(AccountRow.schema, .id, onDelete: .cascade))
            .field("program_id", .string, .required)
            .field("minutes", .int, .required)
            .field("day", .int, .required)
            .field("from_minute", .int, .required)
            .field("to_minute", .int, .required)
            .field("created_at", .datetime, .required)
            .field("position", .int, .required)
            .field("status", .string, .required)
            .field("offer_booking_id", .uuid)
            .field("offer_expires_at", .datetime)
            .unique(on: "position")
            .create()
        try await db.schema(EmailChangeRow.schema)
            .id()
            .field("account_id", .uuid, .required, .references(AccountRow.schema, .id, onDelete: .cascade))
            .field("new_email", .string, .required)
            .field("token_hash", .string, .required)
            .field("expires_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(EmailChangeRow.schema).delete()
        try await db.schema(WaitlistRow.schema).delete()
    }
}
