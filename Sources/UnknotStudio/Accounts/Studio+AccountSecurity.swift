import FluentKit
import Foundation

extension Studio {
    /// Changes the caller's password. The current one is asked for and counted like a sign-in
    /// guess (a stolen session cannot try passwords without end); every other sign-in of the
    /// account ends, the one making the change (`keeping`) goes on.
    public func changePassword(
        _ caller: Caller, current: String, new: String, keeping token: String?
    ) async throws(StudioError) {
        do {
            try Self.checkPassword(new)
        } catch {
            throw StudioError(.invalid, field: "newPassword", error.message)
        }
        let account = try await accountRow(caller.accountID)
        guard try await judgeGuess(key: "account:\(caller.accountID)", password: current, find: { account }) != nil
        else {
            throw StudioError(.unauthorized, field: "currentPassword", "the current password is wrong; nothing changed")
        }
        let hash = try await hashPassword(new)
        let id = caller.accountID
        let kept = token.map(Secret.digest)
        try await database.write { db in
            guard let row = try await AccountRow.find(id, on: db) else {
                throw StudioError.notFound("there is no such account")
            }
            row.passwordHash = hash
            try await row.update(on: db)
            var others = AuthTokenRow.query(on: db).filter(\.$accountID == id)
            if let kept { others = others.filter(\.$tokenHash != kept) }
            try await others.delete()
        }
        signedIn.forget(account: id)
    }

    /// Ends every sign-in of the caller's account, on every device (this one too); open consoles
    /// close within seconds.
    public func signOutEverywhere(_ caller: Caller) async throws(StudioError) {
        let id = caller.accountID
        try await database.write { db in
            try await AuthTokenRow.query(on: db).filter(\.$accountID == id).delete()
        }
        signedIn.forget(account: id)
    }

    /// Gives the caller's calendar feed a new private address; the old one stops answering (for
    /// a feed address that was shared or leaked).
    public func renewCalendarFeed(_ caller: Caller) async throws(StudioError) -> String {
        let id = caller.accountID
        let token = Secret.make()
        try await database.write { db in
            guard let row = try await AccountRow.find(id, on: db) else {
                throw StudioError.notFound("there is no such account")
            }
            row.calendarToken = token
            try await row.update(on: db)
        }
        return "/api/calendar/\(token)"
    }
}
