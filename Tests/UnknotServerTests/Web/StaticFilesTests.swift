import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// The pages' CSS and scripts through Hummingbird's `FileMiddleware` (issue #18): the right types,
/// a browser cache with validation, and nothing outside the static folders.
@Suite("Web: static files")
struct StaticFilesTests {
    @Test("the stylesheet and the console's script are served with types, cache headers and ETags")
    func served() async throws {
        try await TestStudio.run(.sqlite) { _, client in
            let css = try await client.executeRequest(uri: "/static/app.css", method: .get, headers: [:], body: nil)
            #expect(css.status == .ok)
            #expect(css.headers[.contentType]?.hasPrefix("text/css") == true)
            #expect(css.headers[.cacheControl]?.contains("max-age=300") == true)
            let etag = try #require(css.headers[.eTag])
            let again = try await client.executeRequest(
                uri: "/static/app.css", method: .get, headers: [.ifNoneMatch: etag], body: nil)
            #expect(again.status == .notModified)
            let console = try await client.executeRequest(
                uri: "/static/console.js", method: .get, headers: [:], body: nil)
            #expect(console.status == .ok && console.headers[.contentType]?.contains("javascript") == true)
            for path in ["/static/../Package.swift", "/static/%2e%2e/templates/layout.mustache", "/static/nothing.js"] {
                let reply = try await client.executeRequest(uri: path, method: .get, headers: [:], body: nil)
                // A path out of the folder is refused (400), a missing file not found (404); nothing is served.
                #expect([.badRequest, .notFound].contains(reply.status), "\(path): \(reply.status)")
                #expect(!String(buffer: reply.body).contains("swift-tools-version"))
            }
        }
    }
}
