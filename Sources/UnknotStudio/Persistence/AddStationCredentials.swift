import FluentKit

/// Adds the stations' credentials for the studio link (issued by an admin, stored hashed,
/// revocable).
struct AddStationCredentials: AsyncMigration {
    var name: String { "AddStationCredentials-4" }

    func prepare(on db: any Database) async throws {
        try await db.schema(StationCredentialRow.schema)
            .id()
            .field("station_id", .int, .required)
            .field("token_hash", .string, .required)
            .field("label", .string, .required)
            .field("created_at", .datetime, .required)
            .field("revoked_at", .datetime)
            .field("last_used_at", .datetime)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(StationCredentialRow.schema).delete()
    }
}
