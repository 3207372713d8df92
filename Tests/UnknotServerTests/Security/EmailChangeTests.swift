import Foundation
import HTTPTypes
import Testing
import UnknotStudio

/// Changing an account's e-mail on the web (issue #18): the password asked, a link to the new
/// address (nothing changes until it is followed), the old address told, and the same answer
/// whether or not the new address has an account.
@Suite("Security: changing the e-mail address")
struct EmailChangeTests {
    @Test("the link to the new address moves the account; the old address is told; a taken address is not revealed")
    func change() async throws {
        try await TestStudio.run(.sqlite) { studio, client in
            let t = try await client.tokens()
            let wrong = try await client.form(
                "/account/email", token: t.cleo, [("email", "cleo.new@test.example"), ("password", "not it at all")])
            #expect(wrong.status == .unauthorized && wrong.text.contains("The password is wrong"))
            let asked = try await client.form(
                "/account/email", token: t.cleo,
                [("email", "cleo.new@test.example"), ("password", TestStudio.password)])
            #expect(asked.status == .ok && asked.text.contains("We sent a link to cleo.new@test.example"))
            let link = try #require(await studio.mailbox.next(to: "cleo.new@test.example"))
            let token = try #require(link.token)
            let told = try #require(await studio.mailbox.next(to: "cleo@test.example"))
            #expect(told.text.contains("asked to use cleo.new@test.example"), "\(told.text)")
            // Dan's address: the same answer, and Dan is told instead of a link being made.
            let taken = try await client.form(
                "/account/email", token: t.cleo, [("email", "dan@test.example"), ("password", TestStudio.password)])
            #expect(taken.status == .ok && taken.text.contains("We sent a link to dan@test.example"))
            let note = try #require(await studio.mailbox.next(to: "dan@test.example"))
            #expect(note.token == nil && note.text.contains("has an account of its own already"))
            // Nothing changed yet; the link's page names the address; its button changes it.
            _ = try await client.signIn("cleo@test.example")
            let page = try await client.page("/account/email/confirm?token=\(token)", token: nil)
            #expect(page.text.contains("cleo.new@test.example") && page.text.contains("confirm-email-change"))
            let done = try await client.form("/account/email/confirm", token: nil, [("token", token)])
            #expect(done.status == .ok && done.text.contains("id=\"email-changed\""), "\(done.status)")
            _ = try await client.signIn("cleo.new@test.example")
            let old = try await client.call(
                .post, "/api/auth/login", json: ["email": "cleo@test.example", "password": TestStudio.password])
            #expect(old.status == .unauthorized)
            let again = try await client.form("/account/email/confirm", token: nil, [("token", token)])
            #expect(again.status == .unprocessableContent && again.text.contains("not valid any more"))
        }
    }

    @Test("a client deletes their account from the page, with the password and the box ticked")
    func delete() async throws {
        try await TestStudio.run(.sqlite) { _, client in
            let t = try await client.tokens()
            let unticked = try await client.form("/account/delete", token: t.dan, [("password", TestStudio.password)])
            #expect(unticked.status == .unprocessableContent && unticked.text.contains("Tick the box"))
            let gone = try await client.form(
                "/account/delete", token: t.dan, [("password", TestStudio.password), ("sure", "on")])
            #expect(gone.status == .ok && gone.text.contains("Your account is deleted"))
            let login = try await client.call(
                .post, "/api/auth/login", json: ["email": "dan@test.example", "password": TestStudio.password])
            #expect(login.status == .unauthorized)
        }
    }
}
