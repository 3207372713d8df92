import HTTPTypes
import Hummingbird
import OpenAPIHummingbird
import OpenAPIRuntime

/// Where the generated operations are registered: the studio's router, except the operations the
/// studio answers by hand because the generated code would build their whole answer in memory
/// (the account export, streamed: ``StudioAPI/addExportRoute(to:)``). Their contract stays in
/// `openapi.yaml` and is checked like every other.
struct StudioTransport: ServerTransport {
    let router: Router<StudioRequestContext>
    /// `METHOD /path` of the operations answered by hand.
    let byHand: Set<String>

    func register(
        _ handler:
            @Sendable @escaping (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (
                HTTPResponse, HTTPBody?
            ),
        method: HTTPRequest.Method, path: String
    ) throws {
        guard !byHand.contains("\(method.rawValue) \(path)") else { return }
        router.register(
            { request, body, metadata in
                // A request with no body at all (no type, no length, not chunked) reaches an
                // operation whose body is optional as none, not as an empty document to decode.
                let fields = request.headerFields
                let bodiless =
                    fields[.contentType] == nil && fields[.transferEncoding] == nil
                    && (fields[.contentLength].flatMap { Int($0) } ?? 0) == 0
                return try await handler(request, bodiless ? nil : body, metadata)
            }, method: method, path: path)
    }
}
