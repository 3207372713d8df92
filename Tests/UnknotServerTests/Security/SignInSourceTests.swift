import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@testable import UnknotStudio

/// Issue #17, finding 3: anyone could lock out the admin (five wrong guesses paused the account
/// for everyone, its owner too), and one machine could try five passwords on every address in a
/// list. A device that signed in before keeps its own allowance; each network address has its own
/// sliding window over all accounts, and over new accounts.
@Suite("Security: strangers cannot keep an account's owner out, and one network gets a bounded share")
struct SignInSourceTests {
    static func wrong(_ email: String) -> [String: Any] { ["email": email, "password": "not the password at all"] }

    static func login(
        _ client: some TestClientProtocol, _ email: String, _ password: String, device: String? = nil
    ) async throws -> Reply {
        var headers = HTTPFields()
        if let device { headers[.cookie] = "unknot_device=\(device)" }
        return try await client.call(
            .post, "/api/auth/login", json: ["email": email, "password": password], headers: headers)
    }

    @Test("A stranger pauses the admin's address; the admin's own browser still signs in, on its own five guesses")
    func ownerKeepsTheirDevice() async throws {
        try await TestStudio.run(.sqlite, configure: { $0.refusalDelay = .zero }) { studio, client in
            // The admin signed in from this browser before: it was given a device cookie.
            let first = try await Self.login(client, "admin@test.example", TestStudio.password)
            #expect(first.status == .ok)
            let device = try #require(first.cookie("unknot_device"))
            #expect(first.setCookies.first { $0.hasPrefix("unknot_device=") }?.contains("HttpOnly") == true)
            #expect(first.setCookies.first { $0.hasPrefix("unknot_device=") }?.contains("SameSite=Strict") == true)
            // A stranger's five wrong guesses pause the address...
            for _ in 0..<5 {
                _ = try await client.call(.post, "/api/auth/login", json: Self.wrong("admin@test.example"))
            }
            let stranger = try await Self.login(client, "admin@test.example", TestStudio.password)
            #expect(stranger.isProblem(.tooManyRequests), "without the device: \(stranger.detail)")
            // ...but the admin's browser gets in, by the API and by the sign-in page.
            let owner = try await Self.login(client, "admin@test.example", TestStudio.password, device: device)
            #expect(owner.status == .ok, "\(owner.detail)")
            #expect(owner.cookie("unknot_device") == nil, "a known device is not given another")
            var headers = HTTPFields()
            headers[.cookie] = "unknot_device=\(device)"
            let page = try await client.form(
                "/sign-in", token: nil, [("email", "admin@test.example"), ("password", TestStudio.password)],
                headers: headers)
            #expect(page.status == .seeOther || page.status == .found, "\(page.status) \(page.text.prefix(200))")
            #expect(page.cookie("unknot_session") != nil)
            // A device cookie is no sign-in.
            let me = try await client.call(.get, "/api/me", headers: headers)
            #expect(me.isProblem(.unauthorized))
            // The device has its own five guesses: wrong ones from it pause it, not more.
            for _ in 0..<5 { _ = try await Self.login(client, "admin@test.example", "not it at all", device: device) }
            let paused = try await Self.login(client, "admin@test.example", TestStudio.password, device: device)
            #expect(paused.isProblem(.tooManyRequests), "the device's own pause: \(paused.detail)")
            studio.clock.advance(minutes: 15)
            #expect(
                try await Self.login(client, "admin@test.example", TestStudio.password, device: device).status == .ok)
        }
    }

    @Test("A device cookie helps only the account it signed in to, and an unknown one is a stranger's")
    func deviceIsPerAccount() async throws {
        try await TestStudio.run(.sqlite, configure: { $0.refusalDelay = .zero }) { _, client in
            let admin = try await Self.login(client, "admin@test.example", TestStudio.password)
            let device = try #require(admin.cookie("unknot_device"))
            for _ in 0..<5 {
                _ = try await client.call(.post, "/api/auth/login", json: Self.wrong("cleo@test.example"))
            }
            let other = try await Self.login(client, "cleo@test.example", TestStudio.password, device: device)
            #expect(other.isProblem(.tooManyRequests), "the admin's device does not lift Cleo's pause")
            let forged = try await Self.login(client, "cleo@test.example", TestStudio.password, device: "x" + device)
            #expect(forged.isProblem(.tooManyRequests))
        }
    }

    @Test("One network address: its guesses over many accounts are limited, before any password is hashed")
    func networkLimit() async throws {
        let gate = SignInFloodTests.HashGate()
        let hasher = PasswordHasher(threads: 1, capacity: 16, beforeEach: { gate.pass() })
        try await TestStudio.run(
            .sqlite, .live,
            configure: {
                $0.passwordHasher = hasher
                $0.refusalDelay = .zero
                $0.signInsPerNetwork = 6
            }
        ) { studio, client in
            // The admin's browser signed in from this network before the spraying began.
            let device = try #require(
                try await Self.login(client, "admin@test.example", TestStudio.password).cookie(
                    "unknot_device"))
            for k in 0..<6 {
                let reply = try await client.call(.post, "/api/auth/login", json: Self.wrong("person\(k)@test.example"))
                #expect(reply.isProblem(.unauthorized), "\(k): \(reply.detail)")
            }
            let checked = gate.count
            let seventh = try await client.call(.post, "/api/auth/login", json: Self.wrong("person6@test.example"))
            #expect(seventh.isProblem(.tooManyRequests), "\(seventh.detail)")
            #expect(seventh.detail.contains("from your network"), "\(seventh.detail)")
            #expect(seventh.detail.contains("15 minutes"), "\(seventh.detail)")
            let right = try await Self.login(client, "cleo@test.example", TestStudio.password)
            #expect(right.isProblem(.tooManyRequests), "the network's share is spent: \(right.detail)")
            #expect(gate.count == checked, "nothing hashed once the network's share was spent")
            // The owner's device is no stranger.
            #expect(
                try await Self.login(client, "admin@test.example", TestStudio.password, device: device).status == .ok)
            // The window slides: a quarter of an hour after the first guesses, guessing resumes.
            studio.clock.advance(minutes: 15)
            #expect(try await Self.login(client, "cleo@test.example", TestStudio.password).status == .ok)
        }
        try await hasher.shutdown()
    }

    @Test("One network address makes a bounded number of accounts; the refused one is not made")
    func signUpLimit() async throws {
        try await TestStudio.run(
            .sqlite, .live, configure: { $0.accountsPerNetwork = 3 }
        ) { studio, client in
            for k in 0..<3 {
                let made = try await client.call(
                    .post, "/api/accounts",
                    json: ["email": "new\(k)@test.example", "name": "New \(k)", "password": "long enough pass"])
                #expect(made.status == .accepted, "\(made.detail)")
            }
            let fourth = try await client.call(
                .post, "/api/accounts",
                json: ["email": "new3@test.example", "name": "New", "password": "long enough pass"])
            #expect(fourth.isProblem(.tooManyRequests), "\(fourth.detail)")
            #expect(fourth.detail.contains("new accounts from your network"), "\(fourth.detail)")
            let page = try await client.form(
                "/sign-up", token: nil,
                [("email", "new4@test.example"), ("name", "New"), ("password", "long enough pass")])
            #expect(page.text.contains("new accounts from your network"), "\(page.status)")
            // Three links went out; the refused ones were not mailed.
            for k in 0..<3 { #expect(await studio.mailbox.next(to: "new\(k)@test.example") != nil) }
            #expect(await studio.mailbox.all.count == 3)
        }
    }
}

extension Reply {
    /// Every `Set-Cookie` of the answer.
    var setCookies: [String] { headers[values: .setCookie] }

    /// The value a `Set-Cookie` of the answer gives the cookie `name`.
    func cookie(_ name: String) -> String? {
        setCookies.lazy.compactMap { line -> String? in
            let pair = line.split(separator: ";").first.map(String.init) ?? ""
            guard pair.hasPrefix(name + "=") else { return nil }
            return String(pair.dropFirst(name.count + 1))
        }.first
    }
}
