import Foundation
import Hummingbird
import Mustache
import UnknotConsole

/// Renders the pages: the Mustache templates shipped in the server's bundle, read once at start;
/// and names the folders of the static files (CSS, scripts) that `FileMiddleware` serves.
///
/// Guarantees: a page always renders inside the layout, with the signed-in person's menu; a
/// missing template is a build defect reported at start, never a blank page.
struct PageRenderer: Sendable {
    let library: MustacheLibrary
    /// The console page, shared with the stations (`UnknotConsole`).
    let console: ConsolePage

    static func load() async throws -> PageRenderer {
        guard let root = Bundle.module.resourceURL?.appendingPathComponent("Pages") else {
            throw PageRendererError("the server's bundle has no Pages folder; rebuild the package")
        }
        let library = try await MustacheLibrary(directory: root.appendingPathComponent("templates").path)
        for name in ["layout", "message"] where library.getTemplate(named: name) == nil {
            throw PageRendererError("the template \(name).mustache is missing from the bundle")
        }
        let assets = ConsolePage.assets()
        guard let console = ConsolePage(), assets["console.js"] != nil, assets["console.css"] != nil else {
            throw PageRendererError(
                "the console's page, script or style is missing from its bundle; rebuild the package")
        }
        return PageRenderer(library: library, console: console)
    }

    /// A whole page.
    func page(_ template: String, _ context: [String: Any], status: HTTPResponse.Status = .ok) -> Response {
        let html =
            library.render(context, withTemplate: template) ?? "<!doctype html><p>The page \(template) is missing.</p>"
        return Self.html(html, status: status)
    }

    /// An HTML page as it is sent: never cached, under the strict content security policy.
    static func html(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        headers[.contentSecurityPolicy] =
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// The folders of the pages' static files (the studio's own, then the console's script and
    /// style), served as files under `/static` by Hummingbird's `FileMiddleware`.
    static var staticFolders: [String] {
        [
            Bundle.module.resourceURL?.appendingPathComponent("Pages/static").path,
            ConsolePage.assetFolder?.path,
        ].compactMap { $0 }
    }
}

struct PageRendererError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
