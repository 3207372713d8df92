import FluentKit

/// Adds what the client says after a session: a rating and a comment, and what they decided
/// about each change the session suggested for their care plan.
struct AddSessionFeedback: AsyncMigration {
    var name: String { "AddSessionFeedback-3" }

    func prepare(on db: any Database) async throws {
        // One column per statement: SQLite adds one column at a time.
        try await db.schema(SessionRecordRow.schema).field("feedback_rating", .int).update()
        try await db.schema(SessionRecordRow.schema).field("feedback_comment", .string).update()
        try await db.schema(SessionRecordRow.schema).field("decisions", .string, .required, .sql(.default("{}")))
            .update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(SessionRecordRow.schema).deleteField("decisions").update()
        try await db.schema(SessionRecordRow.schema).deleteField("feedback_comment").update()
        try await db.schema(SessionRecordRow.schema).deleteField("feedback_rating").update()
    }
}
