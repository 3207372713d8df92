import FluentKit
import Foundation

/// A change of an account's e-mail address, waiting for its link to be followed from the new
/// address (a day, once). Only the SHA-256 of the link's token is kept.
final class EmailChangeRow: Model, @unchecked Sendable {
    static let schema = "email_changes"

    @ID(key: .id) var id: UUID?
    @Field(key: "account_id") var accountID: UUID
    @Field(key: "new_email") var newEmail: String
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "expires_at") var expiresAt: Date

    init() {}

    init(accountID: UUID, newEmail: String, tokenHash: String, expiresAt: Date) {
        self.id = UUID()
        self.accountID = accountID
        self.newEmail = newEmail
        self.tokenHash = tokenHash
        self.expiresAt = expiresAt
    }
}
