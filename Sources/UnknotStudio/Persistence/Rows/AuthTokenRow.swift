import FluentKit
import Foundation

/// A signed-in session: only the SHA-256 of its token is stored.
final class AuthTokenRow: Model, @unchecked Sendable {
    static let schema = "auth_tokens"

    @ID(key: .id) var id: UUID?
    @Field(key: "account_id") var accountID: UUID
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "expires_at") var expiresAt: Date

    init() {}

    init(accountID: UUID, tokenHash: String, expiresAt: Date) {
        self.id = UUID()
        self.accountID = accountID
        self.tokenHash = tokenHash
        self.expiresAt = expiresAt
    }
}
