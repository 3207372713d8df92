import FluentKit
import Foundation
import UnknotCore

extension Studio {
    /// The prefix of every station token (so a leaked one is recognisable in logs and scans).
    public static let stationTokenPrefix = "ust_"

    /// Issues a new credential for station `id` (admin). Its token is returned only here.
    public func issueStationCredential(_ caller: Caller, station id: Int, label: String = "")
        async throws(StudioError) -> IssuedStationCredential
    {
        try caller.requireAdmin()
        let label = try PlainText.check(label, field: "label", what: "the credential's label", most: 120)
        let token = Self.stationTokenPrefix + Secret.make()
        let now = clock.now
        let row = try await database.write { db -> StationCredentialRow in
            guard try await StationRow.find(id, on: db) != nil else {
                throw StudioError.notFound("there is no station \(id); list them at /api/stations")
            }
            let row = StationCredentialRow(stationID: id, tokenHash: Secret.digest(token), label: label, createdAt: now)
            try await row.create(on: db)
            return row
        }
        guard let credential = StationCredential(row) else { throw .notFound("the new credential is unreadable") }
        return IssuedStationCredential(credential: credential, token: token)
    }

    /// Station `id`'s credentials, newest first (admin); never their tokens.
    public func stationCredentials(_ caller: Caller, station id: Int) async throws(StudioError)
        -> [StationCredential]
    {
        try caller.requireAdmin()
        let rows = try await database.read { db in
            guard try await StationRow.find(id, on: db) != nil else {
                throw StudioError.notFound("there is no station \(id); list them at /api/stations")
            }
            return try await StationCredentialRow.query(on: db).filter(\.$stationID == id)
                .sort(\.$createdAt, .descending).all()
        }
        return rows.compactMap(StationCredential.init)
    }

    /// Revokes a credential (admin): no link opens with it again. (The studio also closes a link
    /// open with it.) Revoking twice keeps the first time.
    public func revokeStationCredential(_ caller: Caller, station: Int, id: UUID) async throws(StudioError)
        -> StationCredential
    {
        try caller.requireAdmin()
        let now = clock.now
        let row = try await database.write { db -> StationCredentialRow in
            guard let row = try await StationCredentialRow.find(id, on: db), row.stationID == station else {
                throw StudioError.notFound(
                    "station \(station) has no credential \(id); list them at /api/stations/\(station)/credentials")
            }
            if row.revokedAt == nil {
                row.revokedAt = now
                try await row.update(on: db)
            }
            return row
        }
        guard let credential = StationCredential(row) else { throw .notFound("the credential is unreadable") }
        return credential
    }

    /// The station a link token belongs to, or `nil` for an unknown, malformed or revoked token
    /// (one answer for all three). No password hashing: the token has 256 random bits, so its
    /// SHA-256 is looked up directly.
    public func station(token: String) async throws(StudioError) -> StationCaller? {
        guard token.hasPrefix(Self.stationTokenPrefix), token.utf8.count <= 100 else { return nil }
        let digest = Secret.digest(token)
        let now = clock.now
        return try await database.write { db -> StationCaller? in
            guard let row = try await StationCredentialRow.query(on: db).filter(\.$tokenHash == digest).first(),
                row.revokedAt == nil, let id = row.id,
                let station = try await StationRow.find(row.stationID, on: db)
            else { return nil }
            row.lastUsedAt = now
            try await row.update(on: db)
            return StationCaller(stationID: row.stationID, stationName: station.name, credentialID: id)
        }
    }

    /// The label of the credentials `unknot serve` issues to its own demo stations.
    public static let demoStationLabel = "demo station (unknot serve)"

    /// New credentials for the demo stations `unknot serve` runs beside the studio, one per station
    /// in service; those it issued before are revoked. (Not reachable over the network: only the
    /// process that opens the database calls it.)
    public func issueDemoStationCredentials() async throws(StudioError) -> [Int: String] {
        let now = clock.now
        let stations = try await allStations().filter { $0.status == .inService }.map(\.id)
        var tokens: [Int: String] = [:]
        for station in stations { tokens[station] = Self.stationTokenPrefix + Secret.make() }
        let issued = tokens
        try await database.write { db in
            for old in try await StationCredentialRow.query(on: db).filter(\.$label == Self.demoStationLabel)
                .filter(\.$revokedAt == nil).all()
            {
                old.revokedAt = now
                try await old.update(on: db)
            }
            for (station, token) in issued {
                try await StationCredentialRow(
                    stationID: station, tokenHash: Secret.digest(token), label: Self.demoStationLabel, createdAt: now
                ).create(on: db)
            }
        }
        return tokens
    }

    /// Whether credential `id` may still open a link (it exists and was not revoked).
    public func stationCredentialIsValid(_ id: UUID) async throws(StudioError) -> Bool {
        try await database.read { db in
            guard let row = try await StationCredentialRow.find(id, on: db) else { return false }
            return row.revokedAt == nil
        }
    }
}
