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
    /// A device token to keep (as the `unknot_device` cookie) when this sign-in was the device's
    /// first for the account: with it, the device keeps its own guess allowance when strangers
    /// have paused the account. `nil` when the device was known already.
    public var device: DeviceToken?
}

/// A device's token for one account (see ``SignInSource``).
public struct DeviceToken: Sendable, Hashable {
    public var token: String
    public var expiresAt: Date
}

/// Where a sign-in comes from: its connection's network address and the device token it sent.
/// Per-network limits apply to the address; a device token that signed in to the same account
/// before gives the device its own allowance instead (a stranger's guesses pause the account,
/// not the devices its owner signed in with).
public struct SignInSource: Sendable, Hashable {
    public var networkAddress: String?
    public var deviceToken: String?

    public init(networkAddress: String? = nil, deviceToken: String? = nil) {
        self.networkAddress = networkAddress
        self.deviceToken = deviceToken
    }
}
