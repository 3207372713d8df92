import Hummingbird
import Logging

/// Turns every error into an `application/problem+json` answer; errors the client cannot act
/// on are logged and answered with 500 without their details.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        do {
            return try await next(request, context)
        } catch {
            if let report = ProblemReport.from(error) {
                if report.status >= 500 { context.logger.error("\(request.uri.path): \(report.detail)") }
                return report.response()
            }
            context.logger.error("\(request.method) \(request.uri.path) failed: \(String(reflecting: error))")
            return ProblemReport(
                status: .internalServerError, detail: "something went wrong on our side; it was logged, try again"
            ).response()
        }
    }
}
