import Foundation

/// An account as it is shown (never the password hash).
public struct AccountView: Sendable, Hashable, Codable {
    public var id: UUID
    public var email: String
    public var name: String
    public var role: Role
    public var createdAt: Date

    init(_ row: AccountRow) {
        id = row.id ?? UUID()
        email = row.email
        name = row.name
        role = Role(rawValue: row.role) ?? .client
        createdAt = row.createdAt
    }
}

/// A new sign-in: the token is shown only here.
public struct SignedIn: Sendable, Hashable {
    public var token: String
    public var expiresAt: Date
    public var account: AccountView
}
