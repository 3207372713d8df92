import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// Issue #17, finding 5: a page of another site signed a victim in to the attacker's account
/// (login CSRF), and a page on another port of the same host booked in the victim's name; the
/// JSON API took the cookie with a `text/plain` body or none at all.
@Suite("Security: changes come only from the studio's own pages, and the API only takes JSON")
struct CrossSiteTests {
    static let booking = [("program", "total-back"), ("minutes", "30"), ("slot", "1|2026-11-24T10:00")]
    static let fetchSite = HTTPField.Name("Sec-Fetch-Site")!

    static func origin(_ value: String) -> HTTPFields { [.origin: value] }

    @Test("Sign-in and sign-up from another site's page are refused: no session is handed out")
    func loginCSRF() async throws {
        try await TestStudio.run(.sqlite) { _, client in
            let signIn = try await client.form(
                "/sign-in", token: nil, [("email", "cleo@test.example"), ("password", TestStudio.password)],
                headers: Self.origin("http://evil.example"))
            #expect(signIn.status == .forbidden, "\(signIn.status)")
            #expect(signIn.headers[.setCookie] == nil)
            let signUp = try await client.form(
                "/sign-up", token: nil,
                [("name", "Eve"), ("email", "eve@test.example"), ("password", "a long enough password")],
                headers: Self.origin("https://evil.example"))
            #expect(signUp.status == .forbidden && signUp.headers[.setCookie] == nil)
            // From the studio's own page it works.
            let own = try await client.form(
                "/sign-in", token: nil, [("email", "cleo@test.example"), ("password", TestStudio.password)],
                headers: Self.origin("http://localhost"))
            #expect(own.status == .seeOther && own.headers[.setCookie] != nil, "\(own.status)")
        }
    }

    @Test("A booking form posted from another port, another site, a sandboxed page or a cross-site fetch books nothing")
    func sameSiteOtherPort() async throws {
        try await TestStudio.run(.sqlite) { _, client in
            let t = try await client.tokens()
            let hostile: [HTTPFields] = [
                Self.origin("http://localhost:9999"), Self.origin("http://evil.example"), Self.origin("null"),
                [Self.fetchSite: "cross-site"], [Self.fetchSite: "same-site"],
                [.origin: "ws://localhost", Self.fetchSite: "same-site"],
            ]
            for headers in hostile {
                let reply = try await client.form("/book", token: t.cleo, Self.booking, headers: headers)
                #expect(reply.status == .forbidden, "\(headers): \(reply.status)")
            }
            let mine = try await client.call(.get, "/api/me/bookings", token: t.cleo)
            #expect(mine.array.isEmpty, "nothing booked: \(mine.text)")
            // The studio's own page, as a browser sends it.
            let own = try await client.form(
                "/book", token: t.cleo, Self.booking,
                headers: [.origin: "http://localhost", Self.fetchSite: "same-origin"])
            #expect(own.status == .seeOther, "\(own.status) \(own.text.prefix(300))")
        }
    }

    @Test("The JSON API with the cookie and a text/plain body, or no type, is refused with 415; nothing saved")
    func jsonOnly() async throws {
        try await TestStudio.run(.sqlite) { _, client in
            let t = try await client.tokens()
            let plan = #"{"schemaVersion":1,"focusAreas":["feet"],"notes":"from another site"}"#
            for type in ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", nil] {
                var headers: HTTPFields = [.cookie: "unknot_session=\(t.cleo)"]
                if let type { headers[.contentType] = type }
                let response = try await client.executeRequest(
                    uri: "/api/me/care-plan", method: .put, headers: headers, body: ByteBuffer(string: plan))
                let reply = Reply(status: response.status, headers: response.headers, data: Data(buffer: response.body))
                #expect(reply.isProblem(.unsupportedMediaType), "\(type ?? "no type"): \(reply.status) \(reply.detail)")
                #expect(reply.detail.contains("application/json"))
            }
            let current = try await client.call(.get, "/api/me/care-plan", token: t.cleo)
            #expect(!current.text.contains("from another site"), "nothing saved: \(current.text)")
            // JSON, said as such, is taken.
            let saved = try await client.call(.put, "/api/me/care-plan", token: t.cleo, json: ["schemaVersion": 1])
            #expect(saved.status.code < 300, "\(saved.detail)")
        }
    }

    @Test("A console on another port of the same host does not open")
    func consoleOtherPort() async throws {
        try await TestStudio.run(.sqlite, .live) { _, client in
            let t = try await client.tokens()
            let id = try LiveSessionTests.session(
                from: try await client.form("/demo", token: t.cleo, TestStudio.allWell))
            await #expect(throws: (any Error).self) {
                try await client.console(id, token: t.cleo, origin: "http://localhost:1") { _, _ in }
            }
        }
    }
}
