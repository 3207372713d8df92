import HTTPTypes
import Hummingbird
import UnknotStudio

/// Reads the bearer token (API) or the `unknot_session` cookie (pages) and makes the caller
/// known to the handlers. A missing or unknown token leaves the caller unknown; each handler
/// decides whether it needs one.
struct AuthenticationMiddleware<Context: RequestContext>: RouterMiddleware {
    let studio: Studio

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        let jar = CookieToSet()
        var response: Response
        if let token = Self.token(of: request) {
            let caller = try await studio.caller(token: token)
            response = try await RequestCaller.$current.withValue(caller) {
                try await RequestCaller.$token.withValue(token) {
                    try await RequestCaller.$cookie.withValue(jar) { try await next(request, context) }
                }
            }
        } else {
            response = try await RequestCaller.$cookie.withValue(jar) { try await next(request, context) }
        }
        if let cookie = jar.cookie { response.headers[.setCookie] = cookie }
        return response
    }

    static func token(of request: Request) -> String? {
        if let header = request.headers[.authorization] {
            let parts = header.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "bearer" {
                return String(parts[1]).trimmingCharacters(in: .whitespaces)
            }
        }
        for header in request.headers[values: .cookie] {
            for pair in header.split(separator: ";") {
                let item = pair.trimmingCharacters(in: .whitespaces)
                if item.hasPrefix(SessionCookie.name + "=") {
                    return String(item.dropFirst(SessionCookie.name.count + 1))
                }
            }
        }
        return nil
    }
}
