import Foundation
import HTTPTypes
import Hummingbird
import OpenAPIRuntime
import UnknotCore
import UnknotStudio

/// An error as the client reads it: `application/problem+json` (RFC 9457) with the status, a
/// sentence that says what was wrong and how to fix it, and the field when one was at fault.
struct ProblemReport: Encodable, Sendable {
    struct Item: Encodable, Sendable {
        var field: String
        var message: String
    }

    var type: String
    var title: String
    var status: Int
    var detail: String
    var field: String?
    var problems: [Item]?

    init(status: HTTPResponse.Status, detail: String, field: String? = nil, problems: [Item]? = nil) {
        self.type = "urn:unknot:problem:\(status.code)"
        self.title = status.reasonPhrase
        self.status = status.code
        self.detail = detail
        self.field = field
        self.problems = problems
    }

    /// The report for any error a request can end in; `nil` for one the client cannot act on
    /// (the server logs those and answers 500).
    static func from(_ error: any Error) -> ProblemReport? {
        switch error {
        case let error as StudioError:
            return ProblemReport(
                status: status(error.kind), detail: error.message, field: error.field,
                problems: error.problems.isEmpty
                    ? nil : error.problems.map { Item(field: $0.field, message: $0.message) })
        case let error as ServerError:
            if let inner = from(error.underlyingError) { return inner }
            return ProblemReport(
                status: .badRequest, detail: "the request could not be read: \(error.causeDescription)")
        case let error as DecodingError:
            return decoding(error)
        case let error as HTTPError:
            return ProblemReport(status: error.status, detail: error.body ?? error.status.reasonPhrase)
        default:
            return nil
        }
    }

    static func decoding(_ error: DecodingError) -> ProblemReport {
        var sentence = DecodingProblem.describe(error)
        var field: String?
        if case .dataCorrupted(let context) = error, !context.codingPath.isEmpty {
            field = DecodingProblem.path(context.codingPath)
            if context.debugDescription.contains("Additional properties are disabled") {
                sentence = "\(field ?? ""): is not a field of this request; remove it or check its spelling"
            } else if context.debugDescription.contains("Cannot initialize") {
                sentence = "\(field ?? ""): is not one of the allowed values (see /openapi.yaml)"
            }
        } else if case .keyNotFound(let key, let context) = error {
            field = DecodingProblem.path(context.codingPath + [key])
        } else if case .typeMismatch(_, let context) = error {
            field = DecodingProblem.path(context.codingPath)
        } else if case .valueNotFound(_, let context) = error {
            field = DecodingProblem.path(context.codingPath)
        }
        return ProblemReport(status: .badRequest, detail: sentence, field: field)
    }

    static func status(_ kind: StudioError.Kind) -> HTTPResponse.Status {
        switch kind {
        case .badRequest: .badRequest
        case .invalid: .unprocessableContent
        case .unauthorized: .unauthorized
        case .forbidden: .forbidden
        case .notFound: .notFound
        case .conflict: .conflict
        case .refused: .unprocessableContent
        case .tooManyAttempts: .tooManyRequests
        case .unavailable: .serviceUnavailable
        }
    }

    func response() -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(self)) ?? Data("{\"status\":\(status)}".utf8)
        var headers = HTTPFields()
        headers[.contentType] = "application/problem+json"
        if status == 401 { headers[.wwwAuthenticate] = "Bearer realm=\"unknot\"" }
        return Response(
            status: HTTPResponse.Status(code: status), headers: headers, body: .init(byteBuffer: ByteBuffer(data: data))
        )
    }
}
