import FluentKit
import Foundation

/// A station's credential for the studio link: only the SHA-256 of its token is stored.
final class StationCredentialRow: Model, @unchecked Sendable {
    static let schema = "station_credentials"

    @ID(key: .id) var id: UUID?
    @Field(key: "station_id") var stationID: Int
    @Field(key: "token_hash") var tokenHash: String
    /// What it is for, in the admin's words (or `demo station` for those `unknot serve` issues).
    @Field(key: "label") var label: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "revoked_at") var revokedAt: Date?
    @OptionalField(key: "last_used_at") var lastUsedAt: Date?

    init() {}

    init(stationID: Int, tokenHash: String, label: String, createdAt: Date) {
        self.id = UUID()
        self.stationID = stationID
        self.label = label
        self.tokenHash = tokenHash
        self.createdAt = createdAt
    }
}
