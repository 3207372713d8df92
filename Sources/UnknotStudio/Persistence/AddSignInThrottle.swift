import FluentKit

/// Adds what slows down password guessing: wrong passwords in a row, and until when an account
/// takes no sign-in.
struct AddSignInThrottle: AsyncMigration {
    var name: String { "AddSignInThrottle-2" }

    func prepare(on db: any Database) async throws {
        // One column per statement: SQLite adds one column at a time.
        try await db.schema(AccountRow.schema).field("failed_sign_ins", .int, .required, .sql(.default(0))).update()
        try await db.schema(AccountRow.schema).field("locked_until", .datetime).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(AccountRow.schema).deleteField("locked_until").update()
        try await db.schema(AccountRow.schema).deleteField("failed_sign_ins").update()
    }
}
