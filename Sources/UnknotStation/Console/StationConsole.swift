import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdWebSocket
import Logging
import UnknotConsole

/// The station's own console server: the tablet under the face cradle loads the console page from
/// its station and talks to the session there, so the console works with the studio unreachable.
///
/// Guarantees: nothing is served without the station's console key (in the address the station
/// prints: `http://HOST:PORT/?key=…`), compared in constant time; a console socket is refused to a
/// page of another site (its `Origin`); the page is the studio's console page, under the same strict
/// content security policy; a console that reads slowly loses old frames and never holds the
/// station up.
public enum StationConsole {
    /// The characters a key keeps as they are in an address.
    static let keyCharacters = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))

    /// The content security policy of the page: its own script, style and socket only.
    static let policy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'none'; base-uri 'none'"

    /// The console server for `runtime` on `hostname`:`port` (0 picks a free port).
    public static func application<Station: RunningStation>(
        runtime: StationRuntime<Station>, key: String, hostname: String, port: Int, logger: Logger
    ) throws -> some ApplicationProtocol {
        guard let page = ConsolePage() else { throw StationConsoleError.missingPage }
        let assets = ConsolePage.assets()
        let router = Router(context: BasicRequestContext.self)
        let keyParameter = key.addingPercentEncoding(withAllowedCharacters: Self.keyCharacters) ?? ""
        router.get("/") { request, _ -> Response in
            guard keyMatches(request.uri.queryParameters["key"].map(String.init), key) else {
                return html(
                    "<!doctype html><title>Unknot station</title><p>This console needs the station's key: open the address the station printed when it started.</p>",
                    status: .forbidden)
            }
            let now = await runtime.localHeading
            return html(
                page.html(now?.heading, session: now?.session, socket: "/live?key=\(keyParameter)", assets: "/static"))
        }
        router.get("/static/:file") { _, context -> Response in
            guard let name = context.parameters.get("file"), let file = assets[name] else {
                return Response(status: .notFound)
            }
            var headers = HTTPFields()
            headers[.contentType] = file.type
            headers[.cacheControl] = "no-cache"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: file.body)))
        }
        let sockets = Router(context: BasicWebSocketRequestContext.self)
        sockets.ws("/live") { request, _ in
            guard keyMatches(request.uri.queryParameters["key"].map(String.init), key),
                !PageOrigin.anotherSite(request.headers[values: .origin], authority: request.head.authority)
            else { return .dontUpgrade }
            return .upgrade()
        } onUpgrade: { inbound, outbound, _ in
            let (id, frames) = await runtime.openLocalConsole()
            defer { Task { await runtime.closeLocalConsole(id) } }
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    for await frame in frames { try await outbound.write(.text(frame)) }
                }
                group.addTask {
                    for try await message in inbound.messages(maxSize: 4_096) {
                        guard case .text(let text) = message else { continue }
                        await runtime.localControl(text, from: id)
                    }
                }
                try await group.next()
                group.cancelAll()
            }
        }
        return Application(
            router: router,
            // A console whose tablet died silently is closed within four seconds (the station pauses).
            server: .http1WebSocketUpgrade(
                webSocketRouter: sockets, configuration: .init(ws: .init(autoPing: .enabled(timePeriod: .seconds(2))))),
            configuration: .init(address: .hostname(hostname, port: port), serverName: "Unknot station"),
            logger: logger)
    }

    /// Serves the console until the task is cancelled.
    public static func serve<Station: RunningStation>(
        runtime: StationRuntime<Station>, key: String, hostname: String, port: Int, logger: Logger
    ) async throws {
        let app = try application(runtime: runtime, key: key, hostname: hostname, port: port, logger: logger)
        try await app.run()
    }

    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        headers[.contentSecurityPolicy] = policy
        headers[.xContentTypeOptions] = "nosniff"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// Whether `given` is the key, compared in constant time.
    static func keyMatches(_ given: String?, _ key: String) -> Bool {
        guard let given else { return false }
        let a = Array(given.utf8)
        let b = Array(key.utf8)
        var difference = UInt8(a.count == b.count ? 0 : 1)
        for index in 0..<b.count { difference |= b[index] ^ (index < a.count ? a[index] : 0) }
        return difference == 0 && !b.isEmpty
    }

    /// A new console key: 128 random bits, URL-safe.
    public static func newKey() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }
}

/// Why the station's console cannot be served.
public enum StationConsoleError: Error, CustomStringConvertible {
    case missingPage

    public var description: String {
        "the console page is missing from the station's bundle; rebuild the package"
    }
}
