import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// A person's browser gets pages, never raw JSON; machines get problem+json (issue #18, defect 8).
@Suite("Web: error pages")
struct ErrorPagesTests {
    static let browser: HTTPFields = [.accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"]

    @Test("a mistyped address and /admin are pages that say so; the API's own stay problem+json")
    func notFound() async throws {
        try await TestStudio.run(.sqlite) { _, client in
            for path in ["/bookingz", "/admin", "/book/2026", "/bookings/not-an-id"] {
                let reply = try await client.executeRequest(uri: path, method: .get, headers: Self.browser, body: nil)
                let text = String(buffer: reply.body)
                // A client's page asks a stranger to sign in first.
                if reply.status == .seeOther { continue }
                #expect(reply.headers[.contentType]?.hasPrefix("text/html") == true, "\(path): \(reply.status)")
                #expect(!text.hasPrefix("{"), "\(path) answered JSON to a browser")
                if reply.status == .notFound { #expect(text.contains("There is no such page"), "\(path)") }
            }
            let api = try await client.executeRequest(
                uri: "/api/nothing", method: .get, headers: Self.browser, body: nil)
            #expect(api.status == .notFound && api.headers[.contentType] == "application/problem+json")
            let asked = try await client.executeRequest(
                uri: "/nothing", method: .get, headers: [.accept: "application/json"], body: nil)
            #expect(asked.headers[.contentType] == "application/problem+json")
        }
    }

    @Test("a page that needs signing in sends a browser to the sign-in page and back")
    func signInFirst() async throws {
        try await TestStudio.run(.sqlite) { _, client in
            let reply = try await client.executeRequest(
                uri: "/bookings", method: .get, headers: Self.browser, body: nil)
            #expect(reply.status == .seeOther && reply.headers[.location] == "/sign-in?next=/bookings")
        }
    }

    @Test("HEAD / answers as GET / without the body")
    func head() async throws {
        try await TestStudio.run(.sqlite) { _, client in
            let head = try await client.executeRequest(uri: "/", method: .head, headers: Self.browser, body: nil)
            #expect(head.status == .ok)
            #expect(head.body.readableBytes == 0)
            #expect(head.headers[.contentType]?.hasPrefix("text/html") == true)
            let missing = try await client.executeRequest(uri: "/nothing", method: .head, headers: [:], body: nil)
            #expect(missing.status == .notFound)
        }
    }
}
