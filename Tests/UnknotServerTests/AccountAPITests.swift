import Foundation
import HTTPTypes
import Testing

@Suite("API: accounts and sign-in")
struct AccountAPITests {
    @Test("sign up, sign in with a token or the cookie, sign out", arguments: TestStore.available)
    func signUpAndIn(store: TestStore) async throws {
        try await TestStudio.run(store) { studio, client in
            let signup = try await client.signUp(
                " Eve@Example.org ", name: "Eve", password: "long enough pass", in: studio)
            #expect(signup.status == .created, "\(signup.detail)")
            #expect(signup.headers[.setCookie]?.contains("HttpOnly") == true)
            #expect(signup.headers[.setCookie]?.contains("SameSite=Strict") == true)
            let token = try #require(signup.string("token"))
            let me = try await client.call(.get, "/api/me", token: token)
            #expect(me.status == .ok)
            #expect(me.string("email") == "eve@example.org")
            #expect(me.string("role") == "client")

            // The cookie works the same (the pages use it).
            let cookie = try #require(signup.headers[.setCookie]?.split(separator: ";").first.map(String.init))
            var headers = HTTPFields()
            headers[.cookie] = cookie
            let byCookie = try await client.call(.get, "/api/me", headers: headers)
            #expect(byCookie.status == .ok)

            let out = try await client.call(.post, "/api/auth/logout", token: token)
            #expect(out.status == .noContent)
            #expect(out.headers[.setCookie]?.contains("Max-Age=0") == true)
            let after = try await client.call(.get, "/api/me", token: token)
            #expect(after.isProblem(.unauthorized))
            #expect(after.headers[.wwwAuthenticate] != nil)
        }
    }

    @Test("bad sign-ups say which field and how to fix it; nothing is created", arguments: TestStore.available)
    func badSignUps(store: TestStore) async throws {
        try await TestStudio.run(store) { studio, client in
            let email = try await client.call(
                .post, "/api/accounts", json: ["email": "not-an-email", "name": "X", "password": "long enough pass"])
            #expect(email.isProblem(.unprocessableContent, field: "email"))
            let short = try await client.call(
                .post, "/api/accounts", json: ["email": "x@example.org", "name": "X", "password": "short"])
            #expect(short.isProblem(.unprocessableContent, field: "password"))
            let unknown = try await client.call(
                .post, "/api/accounts",
                json: ["email": "y@example.org", "name": "Y", "password": "long enough pass", "role": "admin"])
            #expect(unknown.isProblem(.badRequest, field: "role"), "\(unknown.detail)")
            let missing = try await client.call(.post, "/api/accounts", json: ["email": "z@example.org", "name": "Z"])
            #expect(missing.isProblem(.badRequest, field: "password"), "\(missing.detail)")
            // None of them can sign in: nothing was created.
            for email in ["x@example.org", "y@example.org", "z@example.org"] {
                let reply = try await client.call(
                    .post, "/api/auth/login", json: ["email": email, "password": "long enough pass"])
                #expect(reply.isProblem(.unauthorized))
            }
            #expect(await studio.mailbox.all.isEmpty, "a refused sign-up sends no mail")
        }
    }

    @Test("a wrong password and an unknown email get the same answer", arguments: TestStore.available)
    func wrongPassword(store: TestStore) async throws {
        try await TestStudio.run(store) { _, client in
            let wrong = try await client.call(
                .post, "/api/auth/login", json: ["email": "cleo@test.example", "password": "not her password"])
            let unknown = try await client.call(
                .post, "/api/auth/login", json: ["email": "nobody@test.example", "password": "not her password"])
            #expect(wrong.isProblem(.unauthorized))
            #expect(unknown.isProblem(.unauthorized))
            #expect(wrong.detail == unknown.detail)
        }
    }

    @Test("only an admin creates staff accounts", arguments: TestStore.available)
    func staffAccounts(store: TestStore) async throws {
        try await TestStudio.run(store) { _, client in
            let t = try await client.tokens()
            let body: [String: Any] = [
                "email": "new@test.example", "name": "New Staff", "password": "long enough pass", "role": "staff",
            ]
            #expect(try await client.call(.post, "/api/staff", json: body).isProblem(.unauthorized))
            #expect(try await client.call(.post, "/api/staff", token: t.cleo, json: body).isProblem(.forbidden))
            #expect(try await client.call(.post, "/api/staff", token: t.staff, json: body).isProblem(.forbidden))
            let made = try await client.call(.post, "/api/staff", token: t.admin, json: body)
            #expect(made.status == .created)
            #expect(made.string("role") == "staff")
            let token = try await client.signIn("new@test.example", password: "long enough pass")
            #expect(try await client.call(.get, "/api/stations", token: token).status == .ok)
        }
    }

    @Test("too many wrong passwords: a pause, then the right one works again", arguments: TestStore.available)
    func signInPause(store: TestStore) async throws {
        try await TestStudio.run(store) { studio, client in
            let wrong: [String: Any] = ["email": "cleo@test.example", "password": "not her password"]
            let right: [String: Any] = ["email": "cleo@test.example", "password": TestStudio.password]
            for _ in 0..<4 {
                #expect(try await client.call(.post, "/api/auth/login", json: wrong).isProblem(.unauthorized))
            }
            let fifth = try await client.call(.post, "/api/auth/login", json: wrong)
            #expect(fifth.isProblem(.tooManyRequests), "\(fifth.detail)")
            #expect(fifth.detail.contains("15 minutes"), "\(fifth.detail)")
            // Even the right password waits; another account does not.
            #expect(try await client.call(.post, "/api/auth/login", json: right).isProblem(.tooManyRequests))
            _ = try await client.signIn("dan@test.example")
            studio.clock.advance(minutes: 15)
            #expect(try await client.call(.post, "/api/auth/login", json: right).status == .ok)
            // The count starts again after a sign-in.
            for _ in 0..<4 {
                #expect(try await client.call(.post, "/api/auth/login", json: wrong).isProblem(.unauthorized))
            }
            #expect(try await client.call(.post, "/api/auth/login", json: right).status == .ok)
        }
    }

    @Test("behind HTTPS the cookie is Secure", arguments: TestStore.available)
    func secureCookie(store: TestStore) async throws {
        try await TestStudio.run(store, configure: { $0.secureCookies = true }) { _, client in
            let reply = try await client.call(
                .post, "/api/auth/login", json: ["email": "cleo@test.example", "password": TestStudio.password])
            let cookies = reply.headers[values: .setCookie]
            #expect(cookies.count == 2, "the sign-in and the device: \(cookies)")
            for cookie in cookies {
                let attributes = Set(
                    cookie.split(separator: ";").dropFirst().map { $0.trimmingCharacters(in: .whitespaces) })
                #expect(attributes.isSuperset(of: ["Secure", "HttpOnly", "SameSite=Strict", "Path=/"]), "\(cookie)")
            }
        }
    }
}
