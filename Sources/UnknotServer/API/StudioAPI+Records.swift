import Foundation
import Hummingbird
import OpenAPIRuntime
import UnknotSession
import UnknotStudio

extension StudioAPI {
    func startSession(_ input: Operations.StartSession.Input) async throws -> Operations.StartSession.Output {
        let (booking, plan) = try await studio.startSession(try caller(), id: try Self.bookingID(input.path.bookingId))
        return .ok(.init(body: .json(.init(booking: .init(booking), carePlan: try .init(plan)))))
    }

    func putSessionRecord(_ input: Operations.PutSessionRecord.Input) async throws -> Operations.PutSessionRecord.Output
    {
        let caller = try caller()
        let id = try Self.bookingID(input.path.bookingId)
        guard case .applicationXNdjson(let body) = input.body else {
            throw StudioError(.badRequest, "send the record file as application/x-ndjson")
        }
        let data = try await Data(collecting: body, upTo: BodyLimitMiddleware<BasicRequestContext>.recordLimit)
        let upload = try Self.readRecord(data)
        let booking = try await studio.booking(caller, id: id)
        guard upload.programID == booking.programID else {
            throw StudioError(
                .invalid, field: "record",
                "the record is of program '\(upload.programID)' but the booking is of '\(booking.programID)'; send the record of this session"
            )
        }
        let stored = try await studio.storeRecord(caller, booking: id, upload.upload)
        return .created(.init(body: .json(try .init(stored))))
    }

    func getSessionRecord(_ input: Operations.GetSessionRecord.Input) async throws -> Operations.GetSessionRecord.Output
    {
        let (view, _) = try await studio.record(try caller(), booking: try Self.bookingID(input.path.bookingId))
        return .ok(.init(body: .json(try .init(view))))
    }

    func downloadSessionRecord(_ input: Operations.DownloadSessionRecord.Input) async throws
        -> Operations.DownloadSessionRecord.Output
    {
        let (_, text) = try await studio.record(try caller(), booking: try Self.bookingID(input.path.bookingId))
        return .ok(.init(body: .applicationXNdjson(HTTPBody(text))))
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
        var reactions: [(milliseconds: Int, reaction: String, confidence: Double?, aboutStation: Bool)] = []
        for timed in record.events {
            switch timed.event {
            case .reaction(let reaction, let actedOn, _) where actedOn && reaction.kind.mayReachStaff:
                reactions.append((timed.t, reaction.kind.rawValue, reaction.confidence, false))
            case .alert(let alert):
                reactions.append((timed.t, "\(alert.kind.rawValue): \(alert.text)", nil, alert.kind != .persistentPain))
            default: break
            }
        }
        var summaryJSON = "{}"
        var report: [String] = []
        if let summary = record.summary {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            summaryJSON = (try? encoder.encode(summary)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
            report = summary.report()
        }
        return (
            record.header.programID,
            SessionRecordUpload(
                record: String(decoding: data, as: UTF8.self), summaryJSON: summaryJSON, report: report,
                reactions: reactions, events: record.events.count, complete: record.summary != nil)
        )
    }
}
