import FluentKit
import Foundation
import UnknotCore

/// What sign-up answers: the same whether or not the address has an account.
public struct SignUpSent: Sendable, Hashable {
    /// The address the link went to (as the studio reads it: trimmed, lower case).
    public var email: String
    /// Until when the link works.
    public var expiresAt: Date
}

extension Studio {
    /// Starts a sign-up: checks the fields, then mails `email` either a link that finishes the
    /// sign-up (``confirmSignUp(token:)``) or, when the address has an account already, a
    /// note saying so with a way to sign in. The answer, its status and its time (a password is
    /// hashed either way) are the same in both cases, so sign-up tells no one who has an
    /// account (issue #17, finding 3). Counted per network address like accounts made, and at
    /// most `signUpMailsPerAddress` mails go to one address an hour (more are answered alike but
    /// not sent, so no one can fill a stranger's inbox).
    ///
    /// `next` is a page of this studio to come back to after the link (a booking being reviewed):
    /// the link carries it, so signing up in the middle of booking loses nothing.
    public func requestSignUp(
        email: String, name: String, password: String, from source: SignInSource = .init(), next: String? = nil
    ) async throws(StudioError) -> SignUpSent {
        let email = try Self.checkEmail(email)
        let name = try PlainText.check(name, field: "name", what: "the name", most: 200)
        guard (1...100).contains(name.count) else { throw .invalid("name", "give a name of 1 to 100 characters") }
        try Self.checkPassword(password)
        let recipient: MailAddress
        do { recipient = try MailAddress(email, name: name) } catch {
            throw .invalid("email", "'\(email)' is not an email address; write it as name@example.com")
        }
        let expires = clock.now.addingTimeInterval(settings.signUpLinkLifetime)
        return try await admitAccount(from: source.networkAddress) { () throws(StudioError) in
            let hash = try await hashPassword(password)
            let now = clock.now
            let ticket: NetworkAllowance.Ticket?
            switch await mailsToAddress.reserve(Secret.digest(email), now: now) {
            case .success(let reserved): ticket = reserved
            case .failure: return SignUpSent(email: email, expiresAt: expires)
            }
            let token = Secret.make()
            let request = SignUpRequestRow(
                email: email, name: name, passwordHash: hash, tokenHash: Secret.digest(token), createdAt: now,
                expiresAt: expires)
            let back = Self.returnPath(next)
            let welcome = try signUpMail(to: recipient, token: token, expires: expires, next: back)
            let known = try alreadySignedUpMail(to: recipient, next: back)
            do throws(StudioError) {
                try await database.write { db in
                    try await SignUpRequestRow.query(on: db).filter(\.$expiresAt <= now).delete()
                    if try await AccountRow.query(on: db).filter(\.$email == email).count() > 0 {
                        try await queueMail(known, kind: .alreadySignedUp, on: db)
                    } else {
                        try await request.create(on: db)
                        try await queueMail(welcome, kind: .signUp, on: db)
                    }
                }
            } catch {
                await mailsToAddress.settle(ticket, counted: false, now: now)
                throw error
            }
            await mailsToAddress.settle(ticket, counted: true, now: now)
            mailBell.ring()
            return SignUpSent(email: email, expiresAt: expires)
        }
    }

    /// Finishes a sign-up with the token its mail carried: makes the client's account and signs
    /// it in. A token that is unknown, used or expired is refused, saying to sign up again; one
    /// for an address that has an account meanwhile says to sign in.
    public func confirmSignUp(token: String) async throws(StudioError)
        -> SignedIn
    {
        let digest = Secret.digest(token)
        let now = clock.now
        let stale = StudioError(
            .invalid, field: "token",
            "this sign-up link is not valid any more (used, or older than a day); sign up again")
        let account = try await database.write(conflict: "this address has an account now; sign in instead") {
            db -> AccountRow? in
            guard let request = try await SignUpRequestRow.query(on: db).filter(\.$tokenHash == digest).first(),
                request.expiresAt > now
            else { return nil }
            let email = request.email
            try await SignUpRequestRow.query(on: db).filter(\.$email == email).delete()
            let row = AccountRow(
                email: email, name: request.name, passwordHash: request.passwordHash, role: .client,
                calendarToken: Secret.make(), createdAt: now)
            try await row.create(on: db)
            return row
        }
        guard let account else { throw stale }
        return try await startSignIn(account, emailDigest: Secret.digest(account.email), knownDevice: nil)
    }

    /// The address a sign-up link would confirm, while it works (the page shows it, so no one
    /// finishes a stranger's sign-up by mistake and ends up signed in to the stranger's account).
    public func signUpAddress(token: String) async throws(StudioError) -> String? {
        let digest = Secret.digest(token)
        let now = clock.now
        return try await database.read { db in
            try await SignUpRequestRow.query(on: db).filter(\.$tokenHash == digest).filter(\.$expiresAt > now)
                .first()?.email
        }
    }

    /// A new sign-in for `row`: a token stored by its digest, with a device token to keep when
    /// the device was not known for this account.
    func startSignIn(_ row: AccountRow, emailDigest: String, knownDevice: String?) async throws(StudioError)
        -> SignedIn
    {
        guard let id = row.id else { throw .notFound("there is no such account") }
        let now = clock.now
        let token = Secret.make()
        let expires = now.addingTimeInterval(settings.tokenLifetime)
        let stored = AuthTokenRow(accountID: id, tokenHash: Secret.digest(token), expiresAt: expires)
        try await database.write { db in
            try await AuthTokenRow.query(on: db).filter(\.$accountID == id).filter(\.$expiresAt <= now).delete()
            try await stored.create(on: db)
        }
        let newDevice = knownDevice == nil ? await rememberDevice(emailDigest: emailDigest) : nil
        return SignedIn(token: token, expiresAt: expires, account: AccountView(row), device: newDevice)
    }

    /// `path` as the query value of a link back to this site, or `nil` when it is not a plain path
    /// here (starts with one "/", printable ASCII, at most 1,000 characters).
    static func returnPath(_ path: String?) -> String? {
        guard let path, path.count <= 1_000, path.hasPrefix("/"), !path.hasPrefix("//"),
            path.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F && $0 != "\\" })
        else { return nil }
        return path.addingPercentEncoding(
            withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "/-_.~")))
    }

    private func signUpMail(to recipient: MailAddress, token: String, expires: Date, next: String?)
        throws(StudioError) -> MailMessage
    {
        let link = settings.publicURL + "/sign-up/confirm?token=" + token + (next.map { "&next=" + $0 } ?? "")
        let text = """
            Hello \(recipient.name ?? ""),

            To finish signing up at \(settings.studioName), open this link within \(Int(settings.signUpLinkLifetime / 3600)) hours:

            \(link)

            If you did not sign up, ignore this e-mail: no account is made without the link.

            \(settings.studioName)
            \(settings.address)
            """
        return try studioMail(to: recipient, subject: "Finish signing up at \(settings.studioName)", text: text)
    }

    private func alreadySignedUpMail(to recipient: MailAddress, next: String?) throws(StudioError) -> MailMessage {
        let text = """
            Hello,

            Someone (perhaps you) asked to sign up at \(settings.studioName) with this address, \
            but it already has an account. Sign in here:

            \(settings.publicURL)/sign-in\(next.map { "?next=" + $0 } ?? "")

            If you forgot your password, ask for a new one on the sign-in page. If it was not you, ignore \
            this e-mail: nothing was changed.

            \(settings.studioName)
            \(settings.address)
            """
        return try studioMail(
            to: recipient, subject: "You already have an account at \(settings.studioName)", text: text)
    }

    func studioMail(to recipient: MailAddress, subject: String, text: String) throws(StudioError) -> MailMessage {
        do {
            let sender = try MailAddress(settings.mailFrom, name: settings.studioName)
            return try MailMessage(from: sender, to: recipient, subject: subject, text: text, date: clock.now)
        } catch {
            throw StudioError(.unavailable, "the studio cannot write this e-mail: \(error)")
        }
    }
}
