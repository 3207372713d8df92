import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// A new password by e-mail (issue #18), which also lifts a stranger's pause on an address
/// (issue #17, finding 3): it answers alike whether the address has an account.
@Suite("Security: a new password by e-mail")
struct PasswordResetTests {
    static func ask(_ client: any TestClientProtocol, _ email: String) async throws -> Reply {
        try await client.call(.post, "/api/auth/password-reset", json: ["email": email])
    }

    static func login(_ client: any TestClientProtocol, _ email: String, _ password: String) async throws -> Reply {
        try await client.call(.post, "/api/auth/login", json: ["email": email, "password": password])
    }

    @Test(
        "A known and an unknown address get the same answer; the mail says which it was", arguments: TestStore.available
    )
    func sameAnswer(store: TestStore) async throws {
        try await TestStudio.run(store) { studio, client in
            let known = try await Self.ask(client, "cleo@test.example")
            let unknown = try await Self.ask(client, "nobody@test.example")
            #expect(known.status == .accepted && unknown.status == .accepted, "\(known.detail)")
            #expect(Set(known.object.keys) == Set(unknown.object.keys))
            #expect(
                known.string("message")?.replacingOccurrences(of: "cleo@test.example", with: "X")
                    == unknown.string("message")?.replacingOccurrences(of: "nobody@test.example", with: "X"))
            let link = try #require(await studio.mailbox.next(to: "cleo@test.example"))
            #expect(link.text.contains("/reset-password?token=") && link.token != nil)
            let note = try #require(await studio.mailbox.next(to: "nobody@test.example"))
            #expect(note.token == nil && note.text.contains("has no account here"), "\(note.text)")
        }
    }

    @Test("The link sets a new password once, ends other sign-ins and lifts a stranger's pause")
    func resetOnce() async throws {
        try await TestStudio.run(.sqlite) { studio, client in
            let old = try await client.signIn("cleo@test.example")
            // A stranger pauses Cleo's address with five wrong guesses.
            for _ in 0..<5 { _ = try await Self.login(client, "cleo@test.example", "wrong guess here") }
            #expect(try await Self.login(client, "cleo@test.example", TestStudio.password).isProblem(.tooManyRequests))
            _ = try await Self.ask(client, "cleo@test.example")
            let token = try #require(await studio.mailbox.next(to: "cleo@test.example")?.token)
            let short = try await client.call(
                .post, "/api/auth/password-reset/confirm", json: ["token": token, "newPassword": "short"])
            #expect(short.isProblem(.unprocessableContent, field: "newPassword"), "\(short.detail)")
            let reset = try await client.call(
                .post, "/api/auth/password-reset/confirm", json: ["token": token, "newPassword": "a brand new phrase"])
            #expect(reset.status == .ok && reset.cookie("unknot_session") != nil, "\(reset.detail)")
            #expect(try await client.call(.get, "/api/me", token: old).isProblem(.unauthorized), "other sign-ins end")
            #expect(try await Self.login(client, "cleo@test.example", TestStudio.password).isProblem(.unauthorized))
            #expect(try await Self.login(client, "cleo@test.example", "a brand new phrase").status == .ok)
            let again = try await client.call(
                .post, "/api/auth/password-reset/confirm", json: ["token": token, "newPassword": "another new phrase"])
            #expect(again.isProblem(.unprocessableContent, field: "token"), "used once: \(again.detail)")
        }
    }

    @Test("A link older than an hour is refused; the password stays")
    func expires() async throws {
        try await TestStudio.run(.sqlite) { studio, client in
            _ = try await Self.ask(client, "dan@test.example")
            let token = try #require(await studio.mailbox.next(to: "dan@test.example")?.token)
            studio.clock.advance(minutes: 61)
            let late = try await client.call(
                .post, "/api/auth/password-reset/confirm", json: ["token": token, "newPassword": "a brand new phrase"])
            #expect(late.isProblem(.unprocessableContent, field: "token"), "\(late.detail)")
            #expect(try await Self.login(client, "dan@test.example", TestStudio.password).status == .ok)
        }
    }

    @Test("By the pages: the sign-in page's link, the form, the mail, the new password, signed in")
    func pages() async throws {
        try await TestStudio.run(.sqlite) { studio, client in
            #expect(try await client.page("/sign-in", token: nil).text.contains("href=\"/forgot-password\""))
            let form = try await client.page("/forgot-password", token: nil)
            #expect(form.status == .ok && form.headers[.contentType]?.hasPrefix("text/html") == true)
            let sent = try await client.form("/forgot-password", token: nil, [("email", "cleo@test.example")])
            #expect(sent.status == .accepted && sent.text.contains("id=\"reset-sent\""))
            let token = try #require(await studio.mailbox.next(to: "cleo@test.example")?.token)
            #expect(try await client.page("/reset-password?token=\(token)", token: nil).text.contains("set-password"))
            let done = try await client.form(
                "/reset-password", token: nil, [("token", token), ("newPassword", "a brand new phrase")])
            #expect(done.status == .seeOther && done.location == "/" && done.cookie("unknot_session") != nil)
            let stale = try await client.form(
                "/reset-password", token: nil, [("token", token), ("newPassword", "a brand new phrase")])
            #expect(stale.status == .unprocessableContent && stale.text.contains("/forgot-password"))
        }
    }
}
