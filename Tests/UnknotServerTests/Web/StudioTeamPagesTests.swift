import Foundation
import HTTPTypes
import Testing

@testable import UnknotServer

/// The admin's pages for who runs the studio (issue #18): staff invited by e-mail and their
/// roles changed (the studio always keeps an admin); a station's credentials issued (shown
/// once) and revoked.
@Suite("Web: staff and station credentials")
struct StudioTeamPagesTests {
    @Test("an admin invites staff by e-mail (a week to set a password), changes roles, and cannot lose the last admin")
    func staff() async throws {
        try await TestStudio.run(.sqlite) { studio, client in
            let t = try await client.tokens()
            let page = try await client.page("/admin/staff", token: t.admin)
            #expect(page.status == .ok && page.text.contains("Sam Staff"), "\(page.status)")
            let invited = try await client.form(
                "/admin/staff", token: t.admin,
                [("name", "Ines New"), ("email", "ines@test.example"), ("role", "staff")])
            #expect(invited.status == .seeOther, "\(invited.status) \(invited.text.prefix(300))")
            let mail = try #require(await studio.mailbox.next(to: "ines@test.example"))
            #expect(
                mail.text.contains("invites you to") && mail.text.contains("/reset-password?token="), "\(mail.text)")
            let token = try #require(mail.token)
            let set = try await client.call(
                .post, "/api/auth/password-reset/confirm", json: ["token": token, "newPassword": "a calm new phrase"])
            #expect(set.status == .ok, "\(set.detail)")
            let ines = try await client.signIn("ines@test.example", password: "a calm new phrase")
            #expect(try await client.page("/staff", token: ines).status == .ok, "Ines is staff")
            // An address with an account already: refused, nothing sent.
            let again = try await client.form(
                "/admin/staff", token: t.admin, [("name", "Cleo"), ("email", "cleo@test.example"), ("role", "staff")])
            #expect(again.status == .unprocessableContent && again.text.contains("has an account already"))
            #expect(await studio.mailbox.next(to: "cleo@test.example", within: .milliseconds(300)) == nil)
            // Sam becomes an admin: signed out, and an admin from the next sign-in.
            let sam = try #require(Self.id(of: "Sam Staff", in: page.text), "\(page.text)")
            let promoted = try await client.form("/admin/staff/\(sam)", token: t.admin, [("role", "admin")])
            #expect(promoted.status == .seeOther, "\(promoted.text.prefix(300))")
            #expect(try await client.call(.get, "/api/me", token: t.staff).isProblem(.unauthorized))
            let samAgain = try await client.signIn("staff@test.example")
            #expect(try await client.page("/admin", token: samAgain).status == .ok)
            // Two admins: one may step down; the last one may not.
            let admin = try #require(Self.id(of: "Ada Admin", in: page.text))
            let down = try await client.form("/admin/staff/\(sam)", token: samAgain, [("role", "staff")])
            #expect(down.status == .seeOther)
            let last = try await client.form("/admin/staff/\(admin)", token: t.admin, [("role", "staff")])
            #expect(
                last.status == .unprocessableContent && last.text.contains("only admin"), "\(last.text.prefix(500))")
            #expect(try await client.page("/admin/staff", token: t.staff).status != .ok)
        }
    }

    @Test("a station's credential is issued on its page and shown once; revoked, it is marked so")
    func credentials() async throws {
        try await TestStudio.run(.sqlite) { _, client in
            let t = try await client.tokens()
            let page = try await client.page("/admin/stations/1/credentials", token: t.admin)
            #expect(page.status == .ok && page.text.contains("Credentials of Station 1"), "\(page.status)")
            let issued = try await client.form(
                "/admin/stations/1/credentials", token: t.admin, [("label", "station PC")])
            #expect(issued.status == .ok && issued.text.contains("id=\"token\""), "\(issued.text.prefix(500))")
            let listed = try await client.call(.get, "/api/stations/1/credentials", token: t.admin).array
            let credential = try #require(listed.first { $0["label"] as? String == "station PC" })
            let id = try #require(credential["id"] as? String)
            let again = try await client.page("/admin/stations/1/credentials", token: t.admin).text
            #expect(!again.contains("id=\"token\""), "the token is shown once")
            let revoked = try await client.form(
                "/admin/stations/1/credentials/\(id)/revoke", token: t.admin)
            #expect(revoked.location == "/admin/stations/1/credentials?revoked=1")
            let after = try await client.call(.get, "/api/stations/1/credentials", token: t.admin).array
            #expect(after.first { $0["id"] as? String == id }?["revokedAt"] != nil, "\(after)")
            #expect(try await client.page("/admin/stations/1/credentials", token: t.staff).status == .forbidden)
            #expect(try await client.page("/admin/stations/9/credentials", token: t.admin).status == .notFound)
        }
    }

    @Test("the admin sees the studio's e-mail: what was sent to whom and what waits; others do not")
    func outbox() async throws {
        try await TestStudio.run(.sqlite) { studio, client in
            let t = try await client.tokens()
            #expect(try await client.book(t.cleo, start: "2026-11-24T10:00").status == .created)
            _ = await studio.mailbox.next(to: "cleo@test.example")
            let page = try await client.page("/admin/mail", token: t.admin)
            #expect(page.status == .ok, "\(page.status)")
            #expect(page.text.contains("<td>booking confirmed</td><td>cleo@test.example</td>"), "\(page.text)")
            #expect(try await client.page("/admin/mail", token: t.staff).status == .forbidden)
        }
    }

    /// The account id in the staff list's form for `name`.
    static func id(of name: String, in page: String) -> String? {
        guard let row = page.components(separatedBy: "<tr>").first(where: { $0.contains("<td>\(name)") }),
            let range = row.range(of: "/admin/staff/")
        else { return nil }
        return String(row[range.upperBound...].prefix(36))
    }
}
