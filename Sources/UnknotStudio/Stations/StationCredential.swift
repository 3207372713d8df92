import Foundation

/// A station's credential for the studio link, as an admin sees it: never its token, which is
/// shown once when issued (``IssuedStationCredential``) and stored only as its SHA-256.
public struct StationCredential: Sendable, Hashable {
    public var id: UUID
    public var stationID: Int
    public var label: String
    public var createdAt: Date
    /// When it was revoked; a revoked credential opens no link.
    public var revokedAt: Date?
    /// When a station last connected with it.
    public var lastUsedAt: Date?

    public var isRevoked: Bool { revokedAt != nil }

    init?(_ row: StationCredentialRow) {
        guard let id = row.id else { return nil }
        self.id = id
        self.stationID = row.stationID
        self.label = row.label
        self.createdAt = row.createdAt
        self.revokedAt = row.revokedAt
        self.lastUsedAt = row.lastUsedAt
    }
}

/// A credential just issued, with its token: the only time the token is shown.
public struct IssuedStationCredential: Sendable, Hashable {
    public var credential: StationCredential
    /// `ust_` and 43 characters of base64url: 256 random bits.
    public var token: String
}

/// Who a station is, once its token was checked.
public struct StationCaller: Sendable, Hashable {
    public var stationID: Int
    public var stationName: String
    public var credentialID: UUID
}
