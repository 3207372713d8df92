import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// Issue #17, finding 12: every answer says nosniff and a same-origin referrer policy; pages
/// allow forms to post only here and no <base>; HSTS when the studio runs on HTTPS.
@Suite("Security: the headers every answer carries")
struct SecurityHeadersTests {
    static let referrer = HTTPField.Name("Referrer-Policy")!

    @Test("Pages, the JSON API, files, problems and the health check: nosniff and same-origin")
    func everyAnswer() async throws {
        try await TestStudio.run(.sqlite) { _, client in
            let t = try await client.tokens()
            let answers = [
                try await client.page("/", token: nil), try await client.page("/care-plan", token: t.cleo),
                try await client.call(.get, "/api/me", token: t.cleo),
                try await client.page("/api/me", token: nil), try await client.page("/no-such-page", token: nil),
                try await client.page("/health", token: nil),
            ]
            for answer in answers {
                #expect(answer.headers[.xContentTypeOptions] == "nosniff", "\(answer.status)")
                #expect(answer.headers[Self.referrer] == "same-origin", "\(answer.status)")
                #expect(answer.headers[.strictTransportSecurity] == nil)
            }
            let policy = try await client.page("/", token: nil).headers[.contentSecurityPolicy] ?? ""
            #expect(policy.contains("form-action 'self'") && policy.contains("base-uri 'none'"), "\(policy)")
        }
    }

    @Test("With secure cookies (HTTPS) browsers are told to keep to HTTPS")
    func strictTransport() async throws {
        try await TestStudio.run(.sqlite, configure: { $0.secureCookies = true }) { _, client in
            let page = try await client.page("/", token: nil)
            #expect(page.headers[.strictTransportSecurity] == "max-age=31536000")
        }
    }
}
