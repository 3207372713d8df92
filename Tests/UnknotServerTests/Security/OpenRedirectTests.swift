import Foundation
import HummingbirdTesting
import Testing

/// Issue #17, finding 4: after signing in, `next` may only send the browser to a page of this
/// site. `/sign-in?next=/%09/localhost:18599/phish.html` landed on another site: browsers drop
/// tabs and newlines from a Location, so "/\t/host" becomes "//host".
@Suite("Security: sign-in never redirects to another site")
struct OpenRedirectTests {
    static let hostile = [
        "/\t/localhost:18599/phish.html", "/\n/evil.example", "/\r/evil.example", "/ /evil.example",
        "/\u{0}/evil.example", "/\u{7F}/evil.example", "//evil.example", "/\\evil.example", "\\\\evil.example",
        "https://evil.example/", "evil.example", "/\u{2028}/evil.example", "/%09/evil.example",
    ]

    @Test("A hostile next after a correct password lands on this site's home, a plain path is kept")
    func signInRedirect() async throws {
        try await TestStudio.run(.sqlite) { _, client in
            for next in Self.hostile {
                let reply = try await client.form(
                    "/sign-in", token: nil,
                    [("email", "cleo@test.example"), ("password", TestStudio.password), ("next", next)])
                #expect(reply.status == .seeOther, "\(next.debugDescription)")
                #expect(reply.location == "/", "\(next.debugDescription) → \(reply.location ?? "none")")
            }
            let kept = try await client.form(
                "/sign-in", token: nil,
                [("email", "cleo@test.example"), ("password", TestStudio.password), ("next", "/book?program=express")])
            #expect(kept.location == "/book?program=express")
        }
    }

    @Test("The sign-in page never carries a hostile next into its form")
    func signInPage() async throws {
        try await TestStudio.run(.sqlite) { _, client in
            let page = try await client.page("/sign-in?next=/%09/localhost:18599/phish.html", token: nil)
            #expect(page.status == .ok)
            #expect(!page.text.contains("localhost:18599"))
        }
    }
}
