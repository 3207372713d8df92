import Foundation
import Hummingbird
import OpenAPIRuntime
import UnknotCore
import UnknotStudio

/// Says why a JSON body could not be read when the decoder only says "not valid JSON" (issue #17,
/// finding 13: a fraction where a whole number goes, or deep nesting, were reported as invalid
/// JSON): the body ``BodyLimitMiddleware`` collected is scanned by ``JSONDiagnosis``, and the
/// answer names the line and column, the depth, or the field and its number.
///
/// Guarantees: only a refusal is rewritten, never a success; the scan is one pass over at most
/// 1 MiB without recursion; an error it cannot explain better goes out as it was.
struct JSONDiagnosisMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        do {
            return try await next(request, context)
        } catch {
            guard Self.isUnreadable(error), request.headers[.contentType]?.contains("json") == true,
                !BodyLimitMiddleware<Context>.isRecordUpload(request),
                let body = try? await request.body.collect(upTo: BodyLimitMiddleware<Context>.jsonLimit),
                let finding = JSONDiagnosis.diagnose(body.readableBytesView)
            else { throw error }
            throw StudioError(.badRequest, field: finding.field, finding.sentence)
        }
    }

    /// A decoding error about the whole body (no field named): the decoder's "not valid JSON".
    static func isUnreadable(_ error: any Error) -> Bool {
        let decoding = (error as? DecodingError) ?? ((error as? ServerError)?.underlyingError as? DecodingError)
        guard case .dataCorrupted(let context)? = decoding else { return false }
        return context.codingPath.isEmpty
    }
}
