import Foundation
import HTTPTypes
import Hummingbird
import UnknotConsole

/// Takes changes only from the studio's own pages and from programs that say they send JSON
/// (issue #17, finding 5: a page of another site signed a victim in to the attacker's account,
/// and a page on another port of the same host booked in the victim's name).
///
/// Guarantees, for every POST, PUT, PATCH and DELETE:
/// - a browser's `Sec-Fetch-Site` other than `same-origin` or `none` is refused with 403;
/// - an `Origin` of a page that is not this site exactly (host and port, as the request's `Host`
///   names it; `null` included) is refused with 403, sign-in and sign-up included;
/// - a body sent to `/api/` must say it is JSON (`application/json`, `…+json`, or
///   `application/x-ndjson` for records): the kinds a page of another site may send without
///   asking (`text/plain`, forms, multipart) or no type at all are refused with 415.
///
/// Programs that send neither `Origin` nor `Sec-Fetch-Site` (a station, `curl`) are not browsers
/// acting for someone else, and pass.
struct OriginCheckMiddleware<Context: RequestContext>: RouterMiddleware {
    static var changing: Set<HTTPRequest.Method> { [.post, .put, .patch, .delete] }
    static var secFetchSite: HTTPField.Name? { HTTPField.Name("Sec-Fetch-Site") }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        guard Self.changing.contains(request.method) else { return try await next(request, context) }
        if let name = Self.secFetchSite, let site = request.headers[name]?.lowercased(), site != "same-origin",
            site != "none"
        {
            throw HTTPError(
                .forbidden,
                message: "this change came from another site's page (\(site)); make it on the studio's own pages")
        }
        // Every Origin given counts (a second one must not hide the first).
        if let origin = request.headers[values: .origin].first(where: {
            PageOrigin.anotherSite($0, authority: request.head.authority)
        }) {
            throw HTTPError(
                .forbidden,
                message: "this change came from \(origin.prefix(100)), not this site; make it on the studio's own pages"
            )
        }
        if request.uri.path.hasPrefix("/api/"), Self.hasBody(request), !Self.isJSON(request.headers[.contentType]) {
            throw HTTPError(
                .unsupportedMediaType,
                message: "send the body as JSON, with the header Content-Type: application/json")
        }
        return try await next(request, context)
    }

    static func hasBody(_ request: Request) -> Bool {
        if let length = request.headers[.contentLength].flatMap(Int.init) { return length > 0 }
        return request.headers[.transferEncoding] != nil
    }

    static func isJSON(_ contentType: String?) -> Bool {
        guard let contentType else { return false }
        let media = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard let media else { return false }
        return media == "application/json" || media == "application/x-ndjson"
            || (media.hasPrefix("application/") && media.hasSuffix("+json"))
    }
}
