import FluentKit

/// Adds the outbox of e-mails to clients and the sign-ups waiting for their address to be
/// confirmed (issue #17, finding 3: sign-up told whether an address had an account; issue #18:
/// messages to clients from a durable outbox).
struct AddMailOutbox: AsyncMigration {
    var name: String { "AddMailOutbox-7" }

    func prepare(on db: any Database) async throws {
        try await db.schema(OutboxMailRow.schema)
            .id()
            .field("kind", .string, .required)
            .field("sender", .string, .required)
            .field("recipient", .string, .required)
            .field("message", .string, .required)
            .field("created_at", .datetime, .required)
            .field("next_attempt_at", .datetime, .required)
            .field("attempts", .int, .required)
            .field("state", .string, .required)
            .field("sent_at", .datetime)
            .field("last_error", .string)
            .field("claim", .string, .required)
            .create()
        try await db.schema(SignUpRequestRow.schema)
            .id()
            .field("email", .string, .required)
            .field("name", .string, .required)
            .field("password_hash", .string, .required)
            .field("token_hash", .string, .required)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(SignUpRequestRow.schema).delete()
        try await db.schema(OutboxMailRow.schema).delete()
    }
}
