import FluentKit

/// Adds what a session ran on to its record: simulated or hardware, in plain words. Records kept
/// before are taken as simulated (every station then was).
struct AddRecordOrigin: AsyncMigration {
    var name: String { "AddRecordOrigin-5" }

    func prepare(on db: any Database) async throws {
        // One column per statement: SQLite adds one column at a time.
        try await db.schema(SessionRecordRow.schema).field("simulated", .bool, .required, .sql(.default(true)))
            .update()
        try await db.schema(SessionRecordRow.schema).field("ran_on", .string, .required, .sql(.default(""))).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(SessionRecordRow.schema).deleteField("ran_on").update()
        try await db.schema(SessionRecordRow.schema).deleteField("simulated").update()
    }
}
