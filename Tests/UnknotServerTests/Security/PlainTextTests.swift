import Foundation
import HummingbirdTesting
import Testing

/// Issue #17, finding 10: lengths in bytes, not characters; control characters and bidi
/// overrides refused with a clear message, nothing stored.
@Suite("Security: names are plain text of bounded size")
struct PlainTextTests {
    static let hostile: [(name: String, says: String)] = [
        ("a" + String(repeating: "\u{0301}", count: 250_000), "bytes long"),
        ("Eve" + String(repeating: "\u{0301}", count: 6), "too many accents"),
        ("Ev\u{0}e", "invisible control character (U+0)"), ("Eve\u{1B}[31m", "invisible control character (U+1B)"),
        ("\u{202E}evE", "reverses the text's direction"), ("Eve\u{2066}x", "reverses the text's direction"),
    ]

    @Test("Hostile names at sign-up: refused naming the field, no account made; accents still welcome")
    func signUp() async throws {
        try await TestStudio.run(.sqlite) { studio, client in
            for (index, entry) in Self.hostile.enumerated() {
                let email = "plain\(index)@example.org"
                let reply = try await client.call(
                    .post, "/api/accounts", json: ["email": email, "name": entry.name, "password": "long enough pass"])
                #expect(reply.isProblem(.unprocessableContent, field: "name"), "\(index): \(reply.detail.prefix(200))")
                #expect(reply.detail.contains(entry.says), "\(index): \(reply.detail.prefix(200))")
                #expect(reply.data.count < 4_000, "the answer does not echo the name back")
                let signIn = try await client.call(
                    .post, "/api/auth/login", json: ["email": email, "password": "long enough pass"])
                #expect(signIn.status == .unauthorized, "\(index): nothing was created")
            }
            let accented = try await client.signUp(
                "zoe@example.org", name: "Zoë Ñúñez-Åberg", password: "long enough pass", in: studio)
            #expect(accented.status == .created, "\(accented.detail)")
            #expect((accented.object["account"] as? [String: Any])?["name"] as? String == "Zoë Ñúñez-Åberg")
        }
    }
}
