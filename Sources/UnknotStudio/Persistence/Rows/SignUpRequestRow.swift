import FluentKit
import Foundation

/// A sign-up waiting for its address to be confirmed: the account is made only when the link
/// sent to the address is followed, so sign-up answers alike whether the address has an account.
/// Only the SHA-256 of the link's token is kept.
final class SignUpRequestRow: Model, @unchecked Sendable {
    static let schema = "sign_up_requests"

    @ID(key: .id) var id: UUID?
    @Field(key: "email") var email: String
    @Field(key: "name") var name: String
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "expires_at") var expiresAt: Date

    init() {}

    init(email: String, name: String, passwordHash: String, tokenHash: String, createdAt: Date, expiresAt: Date) {
        self.id = UUID()
        self.email = email
        self.name = name
        self.passwordHash = passwordHash
        self.tokenHash = tokenHash
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}
