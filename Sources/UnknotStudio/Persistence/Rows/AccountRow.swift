import FluentKit
import Foundation

/// A stored account: a client, a member of staff or an admin.
final class AccountRow: Model, @unchecked Sendable {
    static let schema = "accounts"

    @ID(key: .id) var id: UUID?
    /// Lower-cased; unique.
    @Field(key: "email") var email: String
    @Field(key: "name") var name: String
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "role") var role: String
    /// The secret in the client's calendar feed address; unique.
    @Field(key: "calendar_token") var calendarToken: String
    @Field(key: "created_at") var createdAt: Date
    /// Wrong passwords since the last sign-in or lock.
    @Field(key: "failed_sign_ins") var failedSignIns: Int
    /// No sign-in until then, after too many wrong passwords.
    @OptionalField(key: "locked_until") var lockedUntil: Date?

    init() {}

    init(email: String, name: String, passwordHash: String, role: Role, calendarToken: String, createdAt: Date) {
        self.id = UUID()
        self.email = email
        self.name = name
        self.passwordHash = passwordHash
        self.role = role.rawValue
        self.calendarToken = calendarToken
        self.createdAt = createdAt
        self.failedSignIns = 0
        self.lockedUntil = nil
    }
}
