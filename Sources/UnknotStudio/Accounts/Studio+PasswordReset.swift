import FluentKit
import Foundation

extension Studio {
    /// Asks for a password reset: the address is mailed a link that sets a new password (an hour,
    /// once) when it has an account, and a note that it has none otherwise. The answer is the same
    /// either way, and both write one mail, so it tells no one who has an account. Counted like
    /// sign-up mails: at most `signUpMailsPerAddress` an hour to one address (more are answered
    /// alike, not sent), and `accountsPerNetwork` requests per network address in the window.
    public func requestPasswordReset(email: String, from source: SignInSource = .init()) async throws(StudioError)
        -> SignUpSent
    {
        let email = try Self.checkEmail(email)
        let now = clock.now
        let expires = now.addingTimeInterval(settings.passwordResetLifetime)
        let recipient: MailAddress
        do { recipient = try MailAddress(email) } catch {
            throw .invalid("email", "'\(email)' is not an email address; write it as name@example.com")
        }
        let ticket: NetworkAllowance.Ticket?
        switch await resetsFromNetwork.reserve(source.networkAddress, now: now) {
        case .success(let reserved): ticket = reserved
        case .failure(let refused): throw Self.tooManyFromNetwork(refused, "password resets")
        }
        await resetsFromNetwork.settle(ticket, counted: true, now: now)
        guard case .success(let mailTicket) = await mailsToAddress.reserve(Secret.digest(email), now: now) else {
            return SignUpSent(email: email, expiresAt: expires)
        }
        let token = Secret.make()
        let link = try resetMail(to: recipient, token: token)
        let none = try noAccountMail(to: recipient)
        do throws(StudioError) {
            try await database.write { db in
                try await PasswordResetRow.query(on: db).filter(\.$expiresAt <= now).delete()
                if let account = try await AccountRow.query(on: db).filter(\.$email == email).first(),
                    let id = account.id
                {
                    try await PasswordResetRow(
                        accountID: id, tokenHash: Secret.digest(token), createdAt: now, expiresAt: expires
                    ).create(on: db)
                    try await queueMail(link, kind: .passwordReset, on: db)
                } else {
                    try await queueMail(none, kind: .noAccount, on: db)
                }
            }
        } catch {
            await mailsToAddress.settle(mailTicket, counted: false, now: now)
            throw error
        }
        await mailsToAddress.settle(mailTicket, counted: true, now: now)
        mailBell.ring()
        return SignUpSent(email: email, expiresAt: expires)
    }

    /// Sets a new password with the token a reset mail carried and signs in: every other
    /// sign-in of the account ends, the address's pause after wrong guesses is lifted (the
    /// owner proved they read its mail), and the link is used up with every other open one.
    public func resetPassword(token: String, newPassword: String, from source: SignInSource = .init())
        async throws(StudioError) -> SignedIn
    {
        do {
            try Self.checkPassword(newPassword)
        } catch {
            throw StudioError(.invalid, field: "newPassword", error.message)
        }
        let digest = Secret.digest(token)
        let now = clock.now
        let valid = try await database.read { db in
            try await PasswordResetRow.query(on: db).filter(\.$tokenHash == digest).filter(\.$expiresAt > now).first()
        }
        guard let valid else {
            throw StudioError(
                .invalid, field: "token",
                "this reset link is not valid any more (used, or older than an hour); ask for a new one")
        }
        let hash = try await hashPassword(newPassword)
        let id = valid.accountID
        let account = try await database.write { db -> AccountRow? in
            // Used once: of two resets with one link at once, only the one that deletes it goes on.
            guard try await PasswordResetRow.query(on: db).filter(\.$tokenHash == digest).count() == 1,
                let row = try await AccountRow.find(id, on: db)
            else { return nil }
            try await PasswordResetRow.query(on: db).filter(\.$accountID == id).delete()
            row.passwordHash = hash
            try await row.update(on: db)
            try await AuthTokenRow.query(on: db).filter(\.$accountID == id).delete()
            return row
        }
        guard let account else {
            throw StudioError(.invalid, field: "token", "this reset link was used a moment ago; ask for a new one")
        }
        signedIn.forget(account: id)
        await signInGuard.forget(Secret.digest(account.email))
        return try await startSignIn(account, emailDigest: Secret.digest(account.email), knownDevice: nil)
    }

    private func resetMail(to recipient: MailAddress, token: String) throws(StudioError) -> MailMessage {
        let text = """
            Hello,

            Someone (we hope you) asked to set a new password for your account at \(settings.studioName). \
            To choose one, open this link within the hour:

            \(settings.publicURL)/reset-password?token=\(token)

            If it was not you, ignore this e-mail: your password stays as it is.

            \(settings.studioName)
            \(settings.address)
            """
        return try studioMail(to: recipient, subject: "A new password for \(settings.studioName)", text: text)
    }

    private func noAccountMail(to recipient: MailAddress) throws(StudioError) -> MailMessage {
        let text = """
            Hello,

            Someone (perhaps you) asked to set a new password at \(settings.studioName) for this \
            address, but it has no account here. Perhaps you signed up with another address? To make \
            an account with this one:

            \(settings.publicURL)/sign-up

            If it was not you, ignore this e-mail.

            \(settings.studioName)
            \(settings.address)
            """
        return try studioMail(to: recipient, subject: "No account at \(settings.studioName)", text: text)
    }
}
