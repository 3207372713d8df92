import Foundation
import OpenAPIRuntime
import UnknotStudio

/// The JSON API of `openapi.yaml`: each generated operation, answered by the ``Studio``.
/// Handlers only translate; the rules (who may do what, what is valid) live in the studio.
struct StudioAPI: APIProtocol {
    let studio: Studio
    let metrics: StudioMetrics
    /// Who may read the metrics.
    let metricsAccess: MetricsAccess
    /// The stations' links to this server (a revoked credential's link is closed).
    let stationLinks: StationLinks
    /// Staff's record uploads, received onto disk.
    let recordUploads: RecordUploads

    /// The caller, or 401 when the request is not signed in.
    func caller() throws(StudioError) -> Caller {
        guard let caller = RequestCaller.current else {
            throw StudioError(
                .unauthorized,
                "sign in first: POST /api/auth/login, then send 'Authorization: Bearer <token>' (or the session cookie)"
            )
        }
        return caller
    }

    /// Reads a booking id of a path.
    static func bookingID(_ text: String) throws(StudioError) -> UUID {
        guard let id = UUID(uuidString: text) else {
            throw StudioError(
                .badRequest, field: "bookingId", "'\(text)' is not a booking id; ids look like 3f1c…-… (a UUID)")
        }
        return id
    }
}
