import FluentKit
import Foundation
import HummingbirdBcrypt
import NIOPosix

extension Studio {
    /// Creates an account. Anyone may sign up as a client (`by: nil`); an account made by a
    /// signed-in caller (`by`), of any role, is an admin's to make. The studio itself makes its
    /// first accounts when it is set up (`by: nil, role:`).
    public func createAccount(
        email: String, name: String, password: String, role: Role = .client, by caller: Caller? = nil
    ) async throws(StudioError) -> AccountView {
        try caller?.requireAdmin()
        let email = try Self.checkEmail(email)
        let name = try PlainText.check(name, field: "name", what: "the name", most: 200)
        guard (1...100).contains(name.count) else { throw .invalid("name", "give a name of 1 to 100 characters") }
        try Self.checkPassword(password)
        let hash = try await hashPassword(password)
        let row = AccountRow(
            email: email, name: name, passwordHash: hash, role: role, calendarToken: Secret.make(),
            createdAt: clock.now)
        try await database.write(conflict: "an account with the email \(email) exists; sign in instead") { db in
            try await row.create(on: db)
        }
        return AccountView(row)
    }

    /// Signs in with email and password; the answer is the same for an unknown email and a wrong
    /// password (and takes as long), so it says nothing about who has an account.
    public func logIn(email: String, password: String) async throws(StudioError) -> SignedIn {
        let email = email.trimmingCharacters(in: .whitespaces).lowercased()
        let row = try await database.read { db in
            try await AccountRow.query(on: db).filter(\.$email == email).first()
        }
        let now = clock.now
        if let row, let until = row.lockedUntil, until > now {
            throw paused(until: until)
        }
        let matches = try await verifyPassword(password, hash: row?.passwordHash ?? Self.decoyHash)
        guard let row, matches, let id = row.id else {
            if let row, let id = row.id {
                // Count the wrong password; after too many in a row, a pause.
                let attempts = settings.signInAttempts
                let pause = settings.signInPause
                let locked = try await database.write { db -> Date? in
                    guard let fresh = try await AccountRow.find(id, on: db) else { return nil }
                    fresh.failedSignIns += 1
                    var until: Date?
                    if fresh.failedSignIns >= attempts {
                        until = now.addingTimeInterval(pause)
                        fresh.lockedUntil = until
                        fresh.failedSignIns = 0
                    }
                    try await fresh.update(on: db)
                    return until
                }
                if let locked { throw paused(until: locked) }
            }
            throw StudioError(.unauthorized, field: "password", "the email or the password is wrong; check both")
        }
        if row.failedSignIns > 0 || row.lockedUntil != nil {
            try await database.write { db in
                guard let fresh = try await AccountRow.find(id, on: db) else { return }
                fresh.failedSignIns = 0
                fresh.lockedUntil = nil
                try await fresh.update(on: db)
            }
        }
        let token = Secret.make()
        let expires = clock.now.addingTimeInterval(settings.tokenLifetime)
        let stored = AuthTokenRow(accountID: id, tokenHash: Secret.digest(token), expiresAt: expires)
        try await database.write { db in
            try await AuthTokenRow.query(on: db).filter(\.$accountID == id).filter(\.$expiresAt <= now).delete()
            try await stored.create(on: db)
        }
        return SignedIn(token: token, expiresAt: expires, account: AccountView(row))
    }

    /// The account behind a token, or `nil` when the token is unknown or has expired.
    public func caller(token: String) async throws(StudioError) -> Caller? {
        let digest = Secret.digest(token)
        let now = clock.now
        return try await database.read { db -> Caller? in
            guard let stored = try await AuthTokenRow.query(on: db).filter(\.$tokenHash == digest).first(),
                stored.expiresAt > now,
                let account = try await AccountRow.find(stored.accountID, on: db),
                let id = account.id, let role = Role(rawValue: account.role)
            else { return nil }
            return Caller(accountID: id, role: role, name: account.name)
        }
    }

    /// Ends the sign-in of `token`.
    public func logOut(token: String) async throws(StudioError) {
        let digest = Secret.digest(token)
        try await database.write { db in
            try await AuthTokenRow.query(on: db).filter(\.$tokenHash == digest).delete()
        }
    }

    /// The caller's account.
    public func account(_ caller: Caller) async throws(StudioError) -> AccountView {
        try await AccountView(accountRow(caller.accountID))
    }

    func accountRow(_ id: UUID) async throws(StudioError) -> AccountRow {
        let row = try await database.read { db in try await AccountRow.find(id, on: db) }
        guard let row else { throw .notFound("there is no such account") }
        return row
    }

    /// Deletes the caller's account and everything kept about it (care plans, bookings, records,
    /// sign-ins); future bookings are released. Asks for the password again.
    public func deleteAccount(_ caller: Caller, password: String) async throws(StudioError) {
        let row = try await accountRow(caller.accountID)
        guard try await verifyPassword(password, hash: row.passwordHash) else {
            throw StudioError(.unauthorized, field: "password", "the password is wrong; nothing was deleted")
        }
        let id = caller.accountID
        try await database.write { db in
            let bookings = try await BookingRow.query(on: db).filter(\.$accountID == id).all()
            let ids = bookings.compactMap(\.id)
            for booking in bookings where booking.status == BookingStatus.booked.rawValue {
                if let code = booking.promoCode { try await Self.releaseUse(of: code, on: db) }
            }
            try await SessionRecordRow.query(on: db).filter(\.$accountID == id).delete()
            try await PromoRedemptionRow.query(on: db).filter(\.$accountID == id).delete()
            if !ids.isEmpty {
                try await BookingCellRow.query(on: db).filter(\.$bookingID ~~ ids).delete()
            }
            try await BookingRow.query(on: db).filter(\.$accountID == id).delete()
            try await CarePlanRow.query(on: db).filter(\.$accountID == id).delete()
            try await AuthTokenRow.query(on: db).filter(\.$accountID == id).delete()
            try await AccountRow.query(on: db).filter(\.$id == id).delete()
        }
    }

    func paused(until: Date) -> StudioError {
        let minutes = max(1, Int((until.timeIntervalSince(clock.now) / 60).rounded(.up)))
        return StudioError(
            .tooManyAttempts,
            "too many wrong passwords for this account; try again in \(minutes) minute\(minutes == 1 ? "" : "s")")
    }

    static func checkEmail(_ email: String) throws(StudioError) -> String {
        let email = email.trimmingCharacters(in: .whitespaces).lowercased()
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard email.count <= 254, parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
            !parts[1].hasPrefix("."), !parts[1].hasSuffix("."), !email.contains(where: \.isWhitespace)
        else {
            throw .invalid("email", "'\(email)' is not an email address; write it as name@example.com")
        }
        return email
    }

    static func checkPassword(_ password: String) throws(StudioError) {
        guard password.count >= 10 else {
            throw .invalid("password", "use at least 10 characters (a few words make a good one)")
        }
        guard password.utf8.count <= 72 else {
            throw .invalid("password", "use at most 72 bytes (bcrypt reads no further)")
        }
    }

    func hashPassword(_ password: String) async throws(StudioError) -> String {
        let cost = settings.passwordCost
        do {
            return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
        } catch {
            throw StudioError(.unavailable, "could not hash the password: \(error)")
        }
    }

    func verifyPassword(_ password: String, hash: String) async throws(StudioError) -> Bool {
        do {
            return try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
        } catch {
            throw StudioError(.unavailable, "could not check the password: \(error)")
        }
    }

    /// A hash no password matches, checked for unknown emails so they take as long as known ones.
    static let decoyHash: String = Bcrypt.hash(Secret.make(), cost: 12)
}
