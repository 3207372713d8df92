import Hummingbird

/// Refuses bodies over the limit with 413 before anything reads them: 1 MiB for JSON, 64 MiB
/// for session records (a 90-minute record with telemetry is about 15 MB).
struct BodyLimitMiddleware<Context: RequestContext>: RouterMiddleware {
    static var jsonLimit: Int { 1 << 20 }
    static var recordLimit: Int { 64 << 20 }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        let limit = request.uri.path.hasSuffix("/record") ? Self.recordLimit : Self.jsonLimit
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw HTTPError(.contentTooLarge, message: "the body is \(length) bytes; send at most \(limit)")
        }
        var request = request
        _ = try await request.collectBody(upTo: limit)
        return try await next(request, context)
    }
}
