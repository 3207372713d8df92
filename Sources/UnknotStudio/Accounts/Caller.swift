import Foundation

/// Who is asking: the account behind a valid token or cookie.
public struct Caller: Sendable, Hashable {
    public var accountID: UUID
    public var role: Role
    public var name: String

    public init(accountID: UUID, role: Role, name: String) {
        self.accountID = accountID
        self.role = role
        self.name = name
    }

    /// Throws unless the caller is staff or admin.
    func requireStaff() throws(StudioError) {
        guard role.isStaff else { throw .forbidden("only studio staff can do this") }
    }

    /// Throws unless the caller is an admin.
    func requireAdmin() throws(StudioError) {
        guard role == .admin else { throw .forbidden("only an admin can do this") }
    }

    /// Throws unless the caller is a client.
    func requireClient() throws(StudioError) {
        guard role == .client else { throw .forbidden("only a client account can do this; sign in as a client") }
    }
}
