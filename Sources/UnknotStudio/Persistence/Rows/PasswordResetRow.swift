import FluentKit
import Foundation

/// A password reset asked for by e-mail: the link works once, for an hour. Only the SHA-256 of
/// the link's token is kept.
final class PasswordResetRow: Model, @unchecked Sendable {
    static let schema = "password_resets"

    @ID(key: .id) var id: UUID?
    @Field(key: "account_id") var accountID: UUID
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "expires_at") var expiresAt: Date

    init() {}

    init(accountID: UUID, tokenHash: String, createdAt: Date, expiresAt: Date) {
        self.id = UUID()
        self.accountID = accountID
        self.tokenHash = tokenHash
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}
