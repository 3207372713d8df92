import Foundation
import HTTPTypes
import Testing

/// Issue #17, finding 11: a client can change the password, sign out everywhere and give the
/// calendar feed a new address; an open console closes once its account's sign-in has ended.
@Suite("Account: password, sign-out everywhere, calendar address")
struct AccountSecurityTests {
    static let newPassword = "a brand new passphrase"

    @Test(
        "changing the password asks for the current one, ends every other sign-in and keeps this one",
        arguments: TestStore.available)
    func changePassword(store: TestStore) async throws {
        try await TestStudio.run(store) { _, client in
            let here = try await client.signIn("cleo@test.example")
            let elsewhere = try await client.signIn("cleo@test.example")
            let wrong = try await client.call(
                .put, "/api/me/password", token: here,
                json: ["currentPassword": "not the password", "newPassword": Self.newPassword])
            #expect(wrong.isProblem(.unauthorized, field: "currentPassword"), "\(wrong.detail)")
            let short = try await client.call(
                .put, "/api/me/password", token: here,
                json: ["currentPassword": TestStudio.password, "newPassword": "short"])
            #expect(short.isProblem(.unprocessableContent, field: "newPassword"), "\(short.detail)")
            #expect(try await client.call(.get, "/api/me", token: elsewhere).status == .ok, "nothing changed yet")

            let changed = try await client.call(
                .put, "/api/me/password", token: here,
                json: ["currentPassword": TestStudio.password, "newPassword": Self.newPassword])
            #expect(changed.status == .noContent, "\(changed.detail)")
            #expect(try await client.call(.get, "/api/me", token: here).status == .ok, "this sign-in goes on")
            #expect(try await client.call(.get, "/api/me", token: elsewhere).status == .unauthorized)
            let old = try await client.call(
                .post, "/api/auth/login", json: ["email": "cleo@test.example", "password": TestStudio.password])
            #expect(old.status == .unauthorized)
            #expect(!(try await client.signIn("cleo@test.example", password: Self.newPassword)).isEmpty)
        }
    }

    @Test("signing out everywhere ends every sign-in of the account, this one too", arguments: TestStore.available)
    func signOutEverywhere(store: TestStore) async throws {
        try await TestStudio.run(store) { _, client in
            let one = try await client.signIn("cleo@test.example")
            let two = try await client.signIn("cleo@test.example")
            let dan = try await client.signIn("dan@test.example")
            let out = try await client.call(.post, "/api/me/sign-out-everywhere", token: one)
            #expect(out.status == .noContent, "\(out.detail)")
            for token in [one, two] {
                #expect(try await client.call(.get, "/api/me", token: token).status == .unauthorized)
            }
            #expect(try await client.call(.get, "/api/me", token: dan).status == .ok, "another account is untouched")
            // From the account page, with the cookie: signed out, back to the sign-in page.
            let page = try await client.signIn("cleo@test.example")
            #expect(try await client.page("/account", token: page).text.contains("Sign out everywhere"))
            let left = try await client.form("/account/sign-out-everywhere", token: page)
            #expect(left.location == "/sign-in")
            #expect(try await client.page("/account", token: page).location?.hasPrefix("/sign-in") == true)
        }
    }

    @Test("a new calendar address: the old one stops answering", arguments: TestStore.available)
    func renewCalendar(store: TestStore) async throws {
        try await TestStudio.run(store) { _, client in
            let t = try await client.tokens()
            let old = try #require(try await client.call(.get, "/api/me/calendar", token: t.cleo).string("path"))
            #expect(try await client.call(.get, old).status == .ok)
            let renewed = try await client.call(.post, "/api/me/calendar", token: t.cleo)
            let new = try #require(renewed.string("path"), "\(renewed.detail)")
            #expect(new != old)
            #expect(try await client.call(.get, old).status == .notFound)
            #expect(try await client.call(.get, new).status == .ok)
            // From the account page.
            let page = try await client.form("/account/calendar", token: t.cleo)
            #expect(page.text.contains("new address"), "\(page.status)")
            #expect(try await client.call(.get, new).status == .notFound)
        }
    }

    @Test("an open console closes within seconds once its account signs out everywhere")
    func consoleClosesWhenSignedOut() async throws {
        try await TestStudio.run(.sqlite, .live) { studio, client in
            let t = try await client.tokens()
            let session = try LiveSessionTests.session(
                from: try await client.form("/demo", token: t.cleo, TestStudio.allWell))
            try await client.console(session, token: t.cleo) { feed, _ in
                #expect(await studio.advance(until: { await feed.lastStatus != nil }))
                let other = try await client.signIn("cleo@test.example")
                let out = try await client.call(
                    .post, "/api/me/sign-out-everywhere", token: other, json: [String: Any]())
                #expect(out.status == .noContent, "\(out.status) \(out.detail)")
                let deadline = ContinuousClock.now + .seconds(15)
                while await !feed.isClosed, ContinuousClock.now < deadline {
                    try await Task.sleep(for: .milliseconds(50))
                }
                #expect(await feed.isClosed, "the console stayed open after its account signed out everywhere")
            }
        }
    }
}
