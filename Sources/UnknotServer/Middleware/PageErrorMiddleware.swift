import HTTPTypes
import Hummingbird
import UnknotStudio

/// Answers a person's browser with a page, never raw JSON: every error of a request that is not
/// for the API (a mistyped address, a refusal, a page that needs signing in) becomes the studio's
/// "message" page with the status kept, a page handler's redirect a 303, and "sign in first" the
/// sign-in page that comes back here afterwards (issue #18, defect 8).
///
/// Guarantees: requests under `/api/`, the machine endpoints (`/metrics`, `/health`,
/// `/openapi.yaml`) and clients that ask for JSON without HTML get the error unchanged, for
/// `ProblemMiddleware` to answer as `application/problem+json`; nothing is written by it.
struct PageErrorMiddleware: RouterMiddleware {
    typealias Context = StudioRequestContext
    let web: WebPages

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        do {
            return try await next(request, context)
        } catch let redirect as PageRedirect {
            return WebPages.redirect(redirect.location)
        } catch {
            guard Self.wantsPage(request) else { throw error }
            guard let report = ProblemReport.from(error) else {
                context.logger.error("\(request.method) \(request.uri.path) failed: \(String(reflecting: error))")
                return web.render(
                    "message", title: "Something went wrong",
                    [
                        "heading": "Something went wrong on our side",
                        "detail": "It was logged. Try again in a moment; nothing you saved is lost.",
                    ], status: .internalServerError)
            }
            if report.status == 401 {
                return WebPages.redirect("/sign-in?next=\(WebPages.escapeQuery(WebPages.pathAndQuery(request)))")
            }
            let notFound = report.status == 404
            return web.render(
                "message", title: notFound ? "Page not found" : "Something needs your attention",
                [
                    "heading": notFound ? "There is no such page" : "That did not work",
                    "detail": notFound && (error as? HTTPError) != nil
                        ? "Nothing is at \(request.uri.path). Check the address, or start again from the front page."
                        : WebPages.sentence(report.detail),
                ],
                status: HTTPResponse.Status(code: report.status))
        }
    }

    /// Whether the request is a person's, for a page: not the API or a machine's endpoint, and not
    /// asking for JSON alone.
    static func wantsPage(_ request: Request) -> Bool {
        let path = request.uri.path
        if path.hasPrefix("/api/") || ["/metrics", "/health", "/openapi.yaml"].contains(path) { return false }
        let accept = request.headers[.accept] ?? ""
        return accept.contains("text/html") || !accept.contains("json")
    }
}
