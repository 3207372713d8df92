import FluentKit
import Foundation

extension Studio {
    /// Asks to move the caller's account to `newEmail`: with the current password, a link (a day,
    /// once) goes to the new address, and the old address is told. The answer is the same whether
    /// or not the new address has an account (the new address is told so, instead of a link), so
    /// it tells no one who has an account. Nothing changes until the link is followed.
    public func requestEmailChange(_ caller: Caller, newEmail: String, password: String) async throws(StudioError)
        -> SignUpSent
    {
        let email = try Self.checkEmail(newEmail)
        let account = try await accountRow(caller.accountID)
        guard try await judgeGuess(key: "account:\(caller.accountID)", password: password, find: { account }) != nil
        else {
            throw StudioError(.unauthorized, field: "password", "the password is wrong; nothing changed")
        }
        guard email != account.email else {
            throw StudioError(.invalid, field: "email", "\(email) is your address already")
        }
        let now = clock.now
        let expires = now.addingTimeInterval(settings.signUpLinkLifetime)
        let recipient: MailAddress
        let old: MailAddress
        do {
            recipient = try MailAddress(email, name: account.name)
            old = try MailAddress(account.email, name: account.name)
        } catch {
            throw .invalid("email", "'\(email)' is not an email address; write it as name@example.com")
        }
        guard case .success(let ticket) = await mailsToAddress.reserve(Secret.digest(email), now: now) else {
            return SignUpSent(email: email, expiresAt: expires)
        }
        let token = Secret.make()
        let link = try studioMail(
            to: recipient, subject: "Confirm your new address at \(settings.studioName)",
            text: """
                Hello \(account.name),

                To use this address for your account at \(settings.studioName), open this link within \
                \(Int(settings.signUpLinkLifetime / 3600)) hours and press the button:

                \(settings.publicURL)/account/email/confirm?token=\(token)

                If you did not ask for this, ignore this e-mail: nothing changes without the link.

                \(settings.studioName)
                """)
        let taken = try studioMail(
            to: recipient, subject: "An address already in use at \(settings.studioName)",
            text: """
                Hello,

                Someone (perhaps you) asked to move an account at \(settings.studioName) to this address, \
                but it has an account of its own already, so nothing changed. Sign in with it at \
                \(settings.publicURL)/sign-in

                \(settings.studioName)
                """)
        let notice = try studioMail(
            to: old, subject: "Your address at \(settings.studioName) is about to change",
            text: """
                Hello \(account.name),

                Someone signed in to your account asked to use \(email) for it instead of this address. \
                It changes only when the link sent there is followed.

                If it was not you, change your password now at \(settings.publicURL)/account and sign out \
                everywhere.

                \(settings.studioName)
                """)
        do throws(StudioError) {
            try await database.write { db in
                try await EmailChangeRow.query(on: db).filter(\.$expiresAt <= now).delete()
                if try await AccountRow.query(on: db).filter(\.$email == email).count() > 0 {
                    try await queueMail(taken, kind: .alreadySignedUp, on: db)
                } else {
                    try await EmailChangeRow(
                        accountID: caller.accountID, newEmail: email, tokenHash: Secret.digest(token),
                        expiresAt: expires
                    ).create(on: db)
                    try await queueMail(link, kind: .emailChange, on: db)
                }
                try await queueMail(notice, kind: .emailChanged, on: db)
            }
        } catch {
            await mailsToAddress.settle(ticket, counted: false, now: now)
            throw error
        }
        await mailsToAddress.settle(ticket, counted: true, now: now)
        mailBell.ring()
        return SignUpSent(email: email, expiresAt: expires)
    }

    /// The new address a change link would set, while it works (its page shows it).
    public func emailChangeAddress(token: String) async throws(StudioError) -> String? {
        let digest = Secret.digest(token)
        let now = clock.now
        return try await database.read { db in
            try await EmailChangeRow.query(on: db).filter(\.$tokenHash == digest).filter(\.$expiresAt > now).first()?
                .newEmail
        }
    }

    /// Follows a change link: the account's address becomes the new one (used once; refused if
    /// the address has an account meanwhile). Sign-ins stay; the address's sign-in counts start
    /// afresh.
    public func confirmEmailChange(token: String) async throws(StudioError) -> String {
        let digest = Secret.digest(token)
        let now = clock.now
        let changed = try await database.write(conflict: "that address has an account now; nothing changed") {
            db -> String? in
            guard let change = try await EmailChangeRow.query(on: db).filter(\.$tokenHash == digest).first(),
                change.expiresAt > now, let account = try await AccountRow.find(change.accountID, on: db)
            else { return nil }
            try await EmailChangeRow.query(on: db).filter(\.$accountID == change.accountID).delete()
            account.email = change.newEmail
            try await account.update(on: db)
            return change.newEmail
        }
        guard let changed else {
            throw StudioError(
                .invalid, field: "token",
                "this link is not valid any more (used, or older than a day); ask for the change again")
        }
        return changed
    }
}
