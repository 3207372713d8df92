import FluentKit

/// Adds the devices that signed in to an account before (issue #17, finding 3: strangers could
/// pause the admin's sign-in; a device that signed in before keeps its own allowance).
struct AddSignInDevices: AsyncMigration {
    var name: String { "AddSignInDevices-6" }

    func prepare(on db: any Database) async throws {
        try await db.schema(SignInDeviceRow.schema)
            .id()
            .field("email_digest", .string, .required)
            .field("token_hash", .string, .required)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(SignInDeviceRow.schema).delete()
    }
}
