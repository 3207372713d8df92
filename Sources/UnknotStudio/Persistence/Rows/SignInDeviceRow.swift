import FluentKit
import Foundation

/// A browser or app that signed in to an account with its password: it keeps its own allowance
/// of password guesses when strangers have paused the account (only the SHA-256 of its token is
/// stored, beside the SHA-256 of the address it signed in as).
final class SignInDeviceRow: Model, @unchecked Sendable {
    static let schema = "sign_in_devices"

    @ID(key: .id) var id: UUID?
    @Field(key: "email_digest") var emailDigest: String
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "expires_at") var expiresAt: Date

    init() {}

    init(emailDigest: String, tokenHash: String, createdAt: Date, expiresAt: Date) {
        self.id = UUID()
        self.emailDigest = emailDigest
        self.tokenHash = tokenHash
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}
