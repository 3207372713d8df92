import HTTPTypes
import Hummingbird

/// Headers every answer carries (issue #17, finding 12): the browser never guesses a type
/// (`X-Content-Type-Options: nosniff`), addresses do not leak to other sites (`Referrer-Policy:
/// same-origin`), and, when the studio is served over HTTPS (`--secure-cookies`), browsers are
/// told to use nothing else for a year (`Strict-Transport-Security`). Pages add their own
/// Content-Security-Policy (`PageRenderer`).
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    let strictTransport: Bool
    static var referrerPolicy: HTTPField.Name? { HTTPField.Name("Referrer-Policy") }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        var response = try await next(request, context)
        response.headers[.xContentTypeOptions] = "nosniff"
        if let referrer = Self.referrerPolicy { response.headers[referrer] = "same-origin" }
        if strictTransport { response.headers[.strictTransportSecurity] = "max-age=31536000" }
        return response
    }
}
