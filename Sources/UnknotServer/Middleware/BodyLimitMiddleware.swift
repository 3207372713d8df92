import Foundation
import Hummingbird
import NIOCore
import UnknotStudio

/// Refuses bodies over the limit with 413 before anything reads them (issue #17, finding 6: any
/// path ending in `/record` was buffered up to 64 MiB before routing and sign-in, so 16 strangers
/// held 730 MiB).
///
/// Guarantees: every body is at most 1 MiB and is collected here, except one: a session record
/// (`PUT /api/bookings/{id}/record`) sent by staff, whose body may be 64 MiB (a 90-minute record
/// with telemetry is about 15 MB) and is left to its handler to read, once the booking is known
/// to be theirs to record. Runs after ``AuthenticationMiddleware``, so the caller is known.
struct BodyLimitMiddleware<Context: RequestContext>: RouterMiddleware {
    static var jsonLimit: Int { 1 << 20 }
    static var recordLimit: Int { 64 << 20 }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        let record = Self.isRecordUpload(request) && RequestCaller.current?.role.isStaff == true
        let limit = record ? Self.recordLimit : Self.jsonLimit
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw HTTPError(.contentTooLarge, message: "the body is \(length) bytes; send at most \(limit)")
        }
        if record { return try await next(request, context) }
        var request = request
        do {
            _ = try await request.collectBody(upTo: limit)
        } catch is NIOTooManyBytesError {
            // A chunked body says no length: it is refused when it passes the limit.
            throw HTTPError(.contentTooLarge, message: "the body is more than \(limit) bytes; send at most \(limit)")
        }
        return try await next(request, context)
    }

    /// `PUT /api/bookings/{id}/record`, and nothing else.
    static func isRecordUpload(_ request: Request) -> Bool {
        let parts = request.uri.path.split(separator: "/", omittingEmptySubsequences: false)
        return request.method == .put && parts.count == 5 && parts[0].isEmpty && parts[1] == "api"
            && parts[2] == "bookings" && !parts[3].isEmpty && parts[4] == "record"
    }
}
