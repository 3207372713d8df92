import Foundation
import Hummingbird
import OpenAPIRuntime
import UnknotCore
import UnknotSession
import UnknotStudio

extension StudioAPI {
    func startSession(_ input: Operations.StartSession.Input) async throws -> Operations.StartSession.Output {
        let caller = try caller()
        let id = try Self.bookingID(input.path.bookingId)
        if case .json(let body) = input.body, let today = body.today {
            _ = try await studio.answerForToday(caller, booking: id, DayAnswers(today))
        }
        let (booking, plan) = try await studio.startSession(caller, id: id)
        return .ok(
            .init(
                body: .json(
                    .init(
                        booking: .init(booking), carePlanVersion: plan.version,
                        carePlan: try plan.seen(by: caller).map { try .init($0) }))))
    }

    func putSessionRecord(_ input: Operations.PutSessionRecord.Input) async throws -> Operations.PutSessionRecord.Output
    {
        let caller = try caller()
        let id = try Self.bookingID(input.path.bookingId)
        guard case .applicationXNdjson(let body) = input.body else {
            throw StudioError(.badRequest, "send the record file as application/x-ndjson")
        }
        // Whose booking it is and that staff send it are settled before the body is read.
        guard caller.role.isStaff else {
            throw StudioError(.forbidden, "only studio staff can send a session's record")
        }
        let booking = try await studio.booking(caller, id: id)
        // Onto disk as it arrives, then read from the file (never the whole body in memory).
        let stored = try await recordUploads.receive(body) { data in
            let upload = try Self.readRecord(data)
            guard upload.programID == booking.programID else {
                throw StudioError(
                    .invalid, field: "record",
                    "the record is of program '\(upload.programID)' but the booking is of '\(booking.programID)'; send the record of this session"
                )
            }
            return try await studio.storeRecord(caller, booking: id, upload.upload)
        }
        return .created(.init(body: .json(try .init(stored))))
    }

    func getSessionRecord(_ input: Operations.GetSessionRecord.Input) async throws -> Operations.GetSessionRecord.Output
    {
        let caller = try caller()
        let (view, text) = try await studio.record(caller, booking: try Self.bookingID(input.path.bookingId))
        return .ok(.init(body: .json(try .init(caller.role.isStaff ? Self.staffCopy(view, text).view : view))))
    }

    func downloadSessionRecord(_ input: Operations.DownloadSessionRecord.Input) async throws
        -> Operations.DownloadSessionRecord.Output
    {
        let caller = try caller()
        let (view, text) = try await studio.record(caller, booking: try Self.bookingID(input.path.bookingId))
        return .ok(
            .init(body: .applicationXNdjson(HTTPBody(caller.role.isStaff ? try Self.staffCopy(view, text).text : text)))
        )
    }

    /// A stored record as staff may see it: ``SessionRecord/seenByStaff()`` applied to the
    /// file, and the summary and report made again from what is left.
    static func staffCopy(_ view: SessionRecordView, _ text: String) throws(StudioError) -> (
        view: SessionRecordView, text: String
    ) {
        let record: SessionRecord
        do {
            record = try SessionRecord.parse(Data(text.utf8)).seenByStaff()
        } catch {
            throw StudioError(.unavailable, "the session's record cannot be read: \(error.description)")
        }
        var copy = view
        (copy.summaryJSON, copy.report) = summaryParts(record.summary)
        do {
            return (copy, String(decoding: try record.jsonLines(), as: UTF8.self))
        } catch {
            throw StudioError(.unavailable, "the session's record cannot be written for staff: \(error)")
        }
    }

    /// The summary as stored JSON and as readable lines ("{}" and none before the session ended).
    static func summaryParts(_ summary: SessionSummary?) -> (json: String, report: [String]) {
        guard let summary else { return ("{}", []) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = (try? encoder.encode(summary)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return (json, summary.report())
    }

    func listAlerts(_ input: Operations.ListAlerts.Input) async throws -> Operations.ListAlerts.Output {
        let alerts = try await studio.alerts(try caller(), from: input.query.from, to: input.query.to)
        return .ok(.init(body: .json(alerts.map(Components.Schemas.Alert.init))))
    }

    /// Reads a record file as the engine writes it: the header, the events, the summary.
    static func readRecord(_ data: Data) throws(StudioError) -> (programID: String, upload: SessionRecordUpload) {
        let record: SessionRecord
        do {
            record = try SessionRecord.parse(data)
        } catch {
            throw StudioError(.invalid, field: "record", "the record file cannot be read: \(error.description)")
        }
        // Staff alerts are the engine's own alerts, nothing else (docs/care-policy.md): pain again
        // at a spot or rated 8 or more (emitted only when the client allowed it), a call for a
        // person, a station fault. A sigh, relaxation or tears are never alerts.
        var alerts: [(milliseconds: Int, reaction: String, confidence: Double?, aboutStation: Bool)] = []
        for timed in record.events {
            if case .alert(let alert) = timed.event {
                alerts.append((timed.t, "\(alert.kind.rawValue): \(alert.text)", nil, alert.kind != .persistentPain))
            }
        }
        let (summaryJSON, report) = summaryParts(record.summary)
        return (
            record.header.programID,
            SessionRecordUpload(
                record: String(decoding: data, as: UTF8.self), summaryJSON: summaryJSON, report: report,
                reactions: alerts, events: record.events.count, complete: record.summary != nil,
                simulated: record.header.ranOnSimulation, ranOn: record.header.ranOn)
        )
    }
}
