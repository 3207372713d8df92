import FluentKit

/// Adds password resets by e-mail and the record of reminders sent before a session (issue #18).
struct AddResetsAndReminders: AsyncMigration {
    var name: String { "AddResetsAndReminders-8" }

    func prepare(on db: any Database) async throws {
        try await db.schema(PasswordResetRow.schema)
            .id()
            .field("account_id", .uuid, .required)
            .field("token_hash", .string, .required)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()
        try await db.schema(BookingReminderRow.schema)
            .id()
            .field("booking_id", .uuid, .required)
            .field("start", .int, .required)
            .field("queued_at", .datetime, .required)
            .unique(on: "booking_id", "start")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(BookingReminderRow.schema).delete()
        try await db.schema(PasswordResetRow.schema).delete()
    }
}
