import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// Issue #17, finding 3 (its last point): sign-up said "an account with the email … exists", so
/// anyone could learn who is a client of the studio. Sign-up now mails a link and answers alike.
@Suite("Security: sign-up tells no one who has an account")
struct SignUpTests {
    static func ask(_ client: any TestClientProtocol, _ email: String) async throws -> Reply {
        try await client.call(
            .post, "/api/accounts", json: ["email": email, "name": "Someone", "password": "long enough pass"])
    }

    @Test(
        "An address with an account and one without get the same answer; the owner is told by e-mail",
        arguments: TestStore.available)
    func sameAnswer(store: TestStore) async throws {
        try await TestStudio.run(store) { studio, client in
            let known = try await Self.ask(client, "cleo@test.example")
            let unknown = try await Self.ask(client, "nobody@test.example")
            #expect(known.status == .accepted && unknown.status == .accepted, "\(known.detail) / \(unknown.detail)")
            #expect(known.headers[.setCookie] == nil && unknown.headers[.setCookie] == nil)
            #expect(Set(known.object.keys) == Set(unknown.object.keys))
            let knownMessage = known.string("message")?.replacingOccurrences(of: "cleo@test.example", with: "X")
            let unknownMessage = unknown.string("message")?.replacingOccurrences(of: "nobody@test.example", with: "X")
            #expect(knownMessage != nil && knownMessage == unknownMessage)
            // The owner learns someone tried, and how to sign in; no link that makes anything.
            let note = try #require(await studio.mailbox.next(to: "cleo@test.example"))
            #expect(note.text.contains("already has an account") && note.token == nil, "\(note.text)")
            #expect(note.message.contains("Subject: You already have an account at Unknot studio"))
            let link = try #require(await studio.mailbox.next(to: "nobody@test.example"))
            #expect(link.token != nil && link.text.contains("/sign-up/confirm?token="))
            // Cleo's password is untouched: the sign-up's password does not sign in as her.
            let wrong = try await client.call(
                .post, "/api/auth/login", json: ["email": "cleo@test.example", "password": "long enough pass"])
            #expect(wrong.isProblem(.unauthorized))
        }
    }

    @Test("A sign-up link makes the account once, within a day; used, late or unknown links are refused")
    func linkOnce() async throws {
        try await TestStudio.run(.sqlite) { studio, client in
            _ = try await Self.ask(client, "ivy@test.example")
            let token = try #require(await studio.mailbox.next(to: "ivy@test.example")?.token)
            let made = try await client.call(.post, "/api/accounts/confirm", json: ["token": token])
            #expect(made.status == .created, "\(made.detail)")
            #expect(made.cookie("unknot_session") != nil)
            let me = try await client.call(.get, "/api/me", token: try #require(made.string("token")))
            #expect(me.string("email") == "ivy@test.example" && me.string("name") == "Someone")
            let again = try await client.call(.post, "/api/accounts/confirm", json: ["token": token])
            #expect(again.isProblem(.unprocessableContent, field: "token"), "\(again.detail)")
            #expect(again.detail.contains("sign up again"))
            let unknown = try await client.call(.post, "/api/accounts/confirm", json: ["token": "made-up"])
            #expect(unknown.isProblem(.unprocessableContent, field: "token"))

            _ = try await Self.ask(client, "late@test.example")
            let late = try #require(await studio.mailbox.next(to: "late@test.example")?.token)
            studio.clock.advance(minutes: 24 * 60 + 1)
            let expired = try await client.call(.post, "/api/accounts/confirm", json: ["token": late])
            #expect(expired.isProblem(.unprocessableContent, field: "token"), "\(expired.detail)")
            let signIn = try await client.call(
                .post, "/api/auth/login", json: ["email": "late@test.example", "password": "long enough pass"])
            #expect(signIn.isProblem(.unauthorized), "no account without the link")
        }
    }

    @Test("Two sign-ups of one address: the first link followed wins, the other says to sign up again")
    func twoSignUps() async throws {
        try await TestStudio.run(.sqlite) { studio, client in
            _ = try await Self.ask(client, "twin@test.example")
            _ = try await Self.ask(client, "twin@test.example")
            let first = try #require(await studio.mailbox.next(to: "twin@test.example")?.token)
            let second = try #require(await studio.mailbox.next(to: "twin@test.example")?.token)
            #expect(first != second)
            #expect(try await client.call(.post, "/api/accounts/confirm", json: ["token": second]).status == .created)
            let other = try await client.call(.post, "/api/accounts/confirm", json: ["token": first])
            #expect(other.isProblem(.unprocessableContent, field: "token"), "\(other.detail)")
            // A third sign-up now is the owner's note, not a second account.
            _ = try await Self.ask(client, "twin@test.example")
            let note = try #require(await studio.mailbox.next(to: "twin@test.example"))
            #expect(note.token == nil && note.text.contains("already has an account"))
        }
    }

    @Test("At most three sign-up mails an hour reach one address; the answer does not change")
    func mailsPerAddress() async throws {
        try await TestStudio.run(.sqlite) { studio, client in
            for _ in 0..<5 {
                #expect(try await Self.ask(client, "cleo@test.example").status == .accepted)
                #expect(try await Self.ask(client, "inbox@test.example").status == .accepted)
            }
            for address in ["cleo@test.example", "inbox@test.example"] {
                for _ in 0..<3 { #expect(await studio.mailbox.next(to: address) != nil) }
                #expect(await studio.mailbox.next(to: address, within: .milliseconds(300)) == nil)
            }
            studio.clock.advance(minutes: 61)
            _ = try await Self.ask(client, "inbox@test.example")
            #expect(await studio.mailbox.next(to: "inbox@test.example") != nil, "a new hour, a new mail")
        }
    }

    @Test("The link's page names the address; finishing from another site's page is refused")
    func confirmPage() async throws {
        try await TestStudio.run(.sqlite) { studio, client in
            _ = try await Self.ask(client, "page@test.example")
            let token = try #require(await studio.mailbox.next(to: "page@test.example")?.token)
            let page = try await client.page("/sign-up/confirm?token=\(token)", token: nil)
            #expect(page.status == .ok && page.text.contains("id=\"confirm-email\">page@test.example<"))
            let stale = try await client.page("/sign-up/confirm?token=nothing", token: nil)
            #expect(stale.status == .notFound && stale.text.contains("sign up again"))
            let forged = try await client.form(
                "/sign-up/confirm", token: nil, [("token", token)], headers: [.origin: "https://evil.example"])
            #expect(forged.status == .forbidden && forged.headers[.setCookie] == nil)
            let own = try await client.form("/sign-up/confirm", token: nil, [("token", token)])
            #expect(own.status == .seeOther && own.cookie("unknot_session") != nil)
        }
    }
}
