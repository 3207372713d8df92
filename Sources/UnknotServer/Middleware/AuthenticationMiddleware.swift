import HTTPTypes
import Hummingbird
import UnknotStudio

/// Reads the bearer token (API) or the `unknot_session` cookie (pages) and makes the caller
/// known to the handlers. A missing or unknown token leaves the caller unknown; each handler
/// decides whether it needs one.
struct AuthenticationMiddleware<Context: RemoteAddressRequestContext>: RouterMiddleware {
    let studio: Studio

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        let jar = HeadersToSet()
        let source = SignInSource(
            networkAddress: context.remoteAddress?.ipAddress, deviceToken: request.cookies[StudioCookies.device]?.value)
        var response: Response
        if let token = Self.token(of: request) {
            let caller = try await studio.caller(token: token)
            response = try await RequestCaller.$current.withValue(caller) {
                try await RequestCaller.$token.withValue(token) {
                    try await RequestCaller.$headers.withValue(jar) {
                        try await RequestCaller.$source.withValue(source) { try await next(request, context) }
                    }
                }
            }
        } else {
            response = try await RequestCaller.$headers.withValue(jar) {
                try await RequestCaller.$source.withValue(source) { try await next(request, context) }
            }
        }
        for cookie in jar.cookies { response.setCookie(cookie) }
        if let link = jar.link, let name = HTTPField.Name("Link") { response.headers[name] = link }
        return response
    }

    static func token(of request: Request) -> String? {
        if let header = request.headers[.authorization] {
            let parts = header.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "bearer" {
                return String(parts[1]).trimmingCharacters(in: .whitespaces)
            }
        }
        return request.cookies[StudioCookies.session]?.value
    }
}
