import FluentKit
import Foundation
import UnknotCore

extension Studio {
    /// How long an invitation's link sets a password: a week.
    public static let invitationLifetime: TimeInterval = 7 * 86_400

    /// Invites a new member of staff (admin): an account of that role with no usable password,
    /// and a mail whose link (a week, once) sets one, through the password-reset page. An
    /// address that has an account already is refused (change its role instead).
    public func inviteStaff(_ caller: Caller, email: String, name: String, role: Role) async throws(StudioError)
        -> AccountView
    {
        try caller.requireAdmin()
        guard role.isStaff else {
            throw .invalid("role", "invite staff or an admin; clients sign up themselves")
        }
        let email = try Self.checkEmail(email)
        let name = try PlainText.check(name, field: "name", what: "the name", most: 200)
        guard (1...100).contains(name.count) else { throw .invalid("name", "give a name of 1 to 100 characters") }
        let recipient: MailAddress
        do { recipient = try MailAddress(email, name: name) } catch {
            throw .invalid("email", "'\(email)' is not an email address; write it as name@example.com")
        }
        let now = clock.now
        let token = Secret.make()
        // Nobody knows this password: the invitation's link sets the real one.
        let hash = try await hashPassword(Secret.make())
        let text = """
            Hello \(name),

            \(caller.name) invites you to \(settings.studioName) as \(role == .admin ? "an admin" : "staff"). \
            To choose your password and sign in, open this link within a week:

            \(settings.publicURL)/reset-password?token=\(token)

            \(settings.studioName)
            \(settings.address)
            """
        let mail = try studioMail(to: recipient, subject: "You are invited to \(settings.studioName)", text: text)
        let row = AccountRow(
            email: email, name: name, passwordHash: hash, role: role, calendarToken: Secret.make(), createdAt: now)
        try await database.write(conflict: "\(email) has an account already; change its role in the staff list") {
            db in
            guard try await AccountRow.query(on: db).filter(\.$email == email).first() == nil else {
                throw StudioError(.conflict, "\(email) has an account already; change its role in the staff list")
            }
            try await row.create(on: db)
            guard let id = row.id else { return }
            try await PasswordResetRow(
                accountID: id, tokenHash: Secret.digest(token), createdAt: now,
                expiresAt: now.addingTimeInterval(Self.invitationLifetime)
            ).create(on: db)
            try await queueMail(mail, kind: .staffInvitation, on: db)
        }
        mailBell.ring()
        return AccountView(row)
    }

    /// The studio's staff and admins, by name (admin).
    public func staffAccounts(_ caller: Caller) async throws(StudioError) -> [AccountView] {
        try caller.requireAdmin()
        let roles = [Role.staff.rawValue, Role.admin.rawValue]
        return try await database.read { db in
            try await AccountRow.query(on: db).filter(\.$role ~~ roles).sort(\.$name).all()
        }.map(AccountView.init)
    }

    /// Changes a member of staff's role (admin): staff, admin, or client (no more staff pages).
    /// The studio always keeps an admin: the last one cannot be changed. Their sign-ins end, so
    /// the new role holds from the next request.
    public func changeRole(_ caller: Caller, account id: UUID, to role: Role) async throws(StudioError)
        -> AccountView
    {
        try caller.requireAdmin()
        let row = try await database.write { db -> AccountRow in
            guard let row = try await AccountRow.find(id, on: db), Role(rawValue: row.role)?.isStaff == true else {
                throw StudioError(
                    .notFound, "there is no member of staff \(id); the staff are listed on the admin page")
            }
            if row.role == Role.admin.rawValue, role != .admin {
                let admins = try await AccountRow.query(on: db).filter(\.$role == Role.admin.rawValue).count()
                guard admins > 1 else {
                    throw StudioError(
                        .refused, field: "role", "\(row.name) is the studio's only admin; make another admin first")
                }
            }
            row.role = role.rawValue
            try await row.update(on: db)
            try await AuthTokenRow.query(on: db).filter(\.$accountID == id).delete()
            return row
        }
        signedIn.forget(account: id)
        return AccountView(row)
    }
}
