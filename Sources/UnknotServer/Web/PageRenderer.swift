import Foundation
import Hummingbird
import Mustache
import UnknotConsole

/// Renders the pages: the Mustache templates and the static files (CSS, the console's script)
/// shipped in the server's bundle, read once at start.
///
/// Guarantees: a page always renders inside the layout, with the signed-in person's menu; a
/// missing template is a build defect reported at start, never a blank page.
struct PageRenderer: Sendable {
    let library: MustacheLibrary
    let files: [String: (type: String, body: ByteBuffer)]
    /// The console page, shared with the stations (`UnknotConsole`).
    let console: ConsolePage

    static func load() async throws -> PageRenderer {
        guard let root = Bundle.module.resourceURL?.appendingPathComponent("Pages") else {
            throw PageRendererError("the server's bundle has no Pages folder; rebuild the package")
        }
        let library = try await MustacheLibrary(directory: root.appendingPathComponent("templates").path)
        var files: [String: (String, ByteBuffer)] = [:]
        let folder = root.appendingPathComponent("static")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else {
                continue
            }
            let type =
                switch (name as NSString).pathExtension {
                case "css": "text/css; charset=utf-8"
                case "js": "text/javascript; charset=utf-8"
                case "svg": "image/svg+xml"
                default: "application/octet-stream"
                }
            files[name] = (type, ByteBuffer(bytes: data))
        }
        // The console's script and style, as the stations serve them.
        for (name, file) in ConsolePage.assets() { files[name] = (file.type, ByteBuffer(bytes: file.body)) }
        for name in ["layout", "message"] where library.getTemplate(named: name) == nil {
            throw PageRendererError("the template \(name).mustache is missing from the bundle")
        }
        guard let console = ConsolePage(), files["console.js"] != nil, files["console.css"] != nil else {
            throw PageRendererError(
                "the console's page, script or style is missing from its bundle; rebuild the package")
        }
        return PageRenderer(library: library, files: files, console: console)
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

    func file(_ name: String) -> Response? {
        guard let file = files[name] else { return nil }
        var headers = HTTPFields()
        headers[.contentType] = file.type
        headers[.cacheControl] = "public, max-age=300"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: file.body))
    }
}

struct PageRendererError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
