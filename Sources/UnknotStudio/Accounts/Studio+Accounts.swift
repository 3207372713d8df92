import FluentKit
import Foundation
import UnknotCore

extension Studio {
    /// Creates an account. Anyone may sign up as a client (`by: nil`); an account made by a
    /// signed-in caller (`by`), of any role, is an admin's to make. The studio itself makes its
    /// first accounts when it is set up (`by: nil, role:`). Sign-ups are counted per network
    /// address (`from`): at most `accountsPerNetwork` in a sliding `networkWindow`.
    public func createAccount(
        email: String, name: String, password: String, role: Role = .client, by caller: Caller? = nil,
        from source: SignInSource = .init()
    ) async throws(StudioError) -> AccountView {
        try caller?.requireAdmin()
        let email = try Self.checkEmail(email)
        let name = try PlainText.check(name, field: "name", what: "the name", most: 200)
        guard (1...100).contains(name.count) else { throw .invalid("name", "give a name of 1 to 100 characters") }
        try Self.checkPassword(password)
        return try await admitAccount(from: caller == nil ? source.networkAddress : nil) { () throws(StudioError) in
            let hash = try await hashPassword(password)
            let row = AccountRow(
                email: email, name: name, passwordHash: hash, role: role, calendarToken: Secret.make(),
                createdAt: clock.now)
            try await database.write(conflict: "an account with the email \(email) exists; sign in instead") { db in
                try await row.create(on: db)
            }
            return AccountView(row)
        }
    }

    /// Signs in with email and password; the answer is the same for an unknown email and a wrong
    /// password (and takes as long), so it says nothing about who has an account. Guesses are
    /// counted per address before any password is checked (``SignInGuard``): the fifth wrong one
    /// pauses the address, known or not; and per network address over a sliding window
    /// (``NetworkAllowance``). A device that signed in to this account with its password before
    /// (`source.deviceToken`) is judged on its own allowance instead, so strangers cannot keep
    /// the account's owner out; a first sign-in from a device returns its token to keep.
    public func logIn(
        email: String, password: String, from source: SignInSource = .init()
    ) async throws(StudioError) -> SignedIn {
        let email = email.trimmingCharacters(in: .whitespaces).lowercased()
        let key = Secret.digest(email)
        let device = await knownDevice(source.deviceToken, emailDigest: key)
        let row: AccountRow?
        do {
            let find = { () async throws(StudioError) -> AccountRow? in
                try await database.read { db in
                    try await AccountRow.query(on: db).filter(\.$email == email).first()
                }
            }
            if let device {
                row = try await judgeGuess(key: "device:" + device, password: password, find: find)
            } else {
                row = try await judgeGuess(fromNetwork: source.networkAddress, key: key, password: password, find: find)
            }
        } catch  where error.kind == .tooManyAttempts {
            // A refused guess costs the guesser time and the studio nothing: the answer waits
            // without a thread, so a flood's connections send a guess a second, not thousands.
            try? await Task.sleep(for: settings.refusalDelay)
            throw error
        }
        guard let row else {
            throw StudioError(.unauthorized, field: "password", "the email or the password is wrong; check both")
        }
        return try await startSignIn(row, emailDigest: key, knownDevice: device)
    }

    /// The account behind a token, or `nil` when the token is unknown or has expired.
    public func caller(token: String) async throws(StudioError) -> Caller? {
        let digest = Secret.digest(token)
        if let known = signedIn.caller(digest: digest, now: clock.now) {
            if known.recheck { Task { _ = try? await confirmedCaller(digest: digest) } }
            return known.caller
        }
        return try await confirmedCaller(digest: digest)
    }

    /// The caller of a token as the database has it (remembered for the next requests).
    private func confirmedCaller(digest: String) async throws(StudioError) -> Caller? {
        let now = clock.now
        let found = try await database.read { db -> (Caller, Date)? in
            guard let stored = try await AuthTokenRow.query(on: db).filter(\.$tokenHash == digest).first(),
                stored.expiresAt > now,
                let account = try await AccountRow.find(stored.accountID, on: db),
                let id = account.id, let role = Role(rawValue: account.role)
            else { return nil }
            return (Caller(accountID: id, role: role, name: account.name), stored.expiresAt)
        }
        guard let (caller, expiresAt) = found else {
            signedIn.forget(digest: digest)
            return nil
        }
        signedIn.remember(digest: digest, caller: caller, expiresAt: expiresAt)
        return caller
    }

    /// Ends the sign-in of `token`.
    public func logOut(token: String) async throws(StudioError) {
        let digest = Secret.digest(token)
        signedIn.forget(digest: digest)
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
        let id = caller.accountID
        let account = try await accountRow(id)
        // Counted like sign-in guesses: a stolen session cannot try passwords here without end.
        guard try await judgeGuess(key: "account:\(id)", password: password, find: { account }) != nil
        else {
            throw StudioError(.unauthorized, field: "password", "the password is wrong; nothing was deleted")
        }
        let devices = Secret.digest(account.email)
        let email = account.email
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
                try await ClientCellRow.query(on: db).filter(\.$bookingID ~~ ids).delete()
                try await BookingReminderRow.query(on: db).filter(\.$bookingID ~~ ids).delete()
                try await DayAnswersRow.query(on: db).filter(\.$bookingID ~~ ids).delete()
                try await PartnerInviteRow.query(on: db).filter(\.$bookingID ~~ ids).delete()
            }
            try await PartnerInviteRow.query(on: db).filter(\.$invitedBy == id).delete()
            try await PasswordResetRow.query(on: db).filter(\.$accountID == id).delete()
            try await EmailChangeRow.query(on: db).filter(\.$accountID == id).delete()
            // The mail kept for the account (sent or waiting) holds what it was told: it goes too.
            try await OutboxMailRow.query(on: db).filter(\.$recipient == email).delete()
            try await BookingRow.query(on: db).filter(\.$accountID == id).delete()
            try await CarePlanRow.query(on: db).filter(\.$accountID == id).delete()
            try await AuthTokenRow.query(on: db).filter(\.$accountID == id).delete()
            try await SignInDeviceRow.query(on: db).filter(\.$emailDigest == devices).delete()
            try await AccountRow.query(on: db).filter(\.$id == id).delete()
        }
        signedIn.forget(account: caller.accountID)
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
        try await passwordHasher.hash(password, cost: settings.passwordCost)
    }

    /// Checks `password` as one guess for `key` (an address): reserved with the ``SignInGuard``
    /// first, then checked on the ``PasswordHasher`` against the account `find` returns (a
    /// decoy when none, so unknown addresses take as long). Returns the account when the password
    /// is right and `nil` when it is wrong; throws when the address is paused or the guess was
    /// refused before it was checked.
    func judgeGuess(
        key: String, password: String, find: () async throws(StudioError) -> AccountRow?
    ) async throws(StudioError) -> AccountRow? {
        let ticket: SignInGuard.Ticket
        switch await signInGuard.reserve(key, now: clock.now) {
        case .success(let reserved): ticket = reserved
        case .failure(.paused(let until)): throw paused(until: until)
        case .failure(.busy):
            throw StudioError(
                .tooManyAttempts, "this account's sign-ins are being checked right now; try again in a minute")
        }
        let right: Bool
        let row: AccountRow?
        do {
            row = try await find()
            right = try await passwordHasher.verify(password, hash: row?.passwordHash, cost: settings.passwordCost)
        } catch {
            await signInGuard.release(ticket)
            throw error
        }
        if let until = await signInGuard.settle(ticket, right: right, now: clock.now) { throw paused(until: until) }
        return right ? row : nil
    }

}
