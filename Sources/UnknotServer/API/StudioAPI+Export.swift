import Foundation
import Hummingbird
import NIOCore
import UnknotStudio

extension StudioAPI {
    /// `GET /api/me/export` (the contract's `exportMyData`), streamed: the account, then the care
    /// plan versions, bookings and records a page at a time (then the day's answers kept with the
    /// bookings), each encoded as the contract's own
    /// types and written as it is read, so the studio holds one page of an export at a time, not
    /// the whole (issue #17, finding 7: the export answered 30 MiB at once).
    func addExportRoute(to router: Router<StudioRequestContext>) {
        router.get("/api/me/export") { _, _ -> Response in
            let caller = try caller()
            let account = try await studio.account(caller)
            let encoder = JSONEncoder()
            // As the generated code writes them (OpenAPIRuntime's default: ISO 8601 dates).
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .iso8601
            let start = try encoder.encode(Components.Schemas.Account(account))
            let body = ResponseBody { writer in
                try await writer.write(ByteBuffer(string: #"{"account":"#))
                try await writer.write(ByteBuffer(data: start))
                try await writer.write(ByteBuffer(string: #","carePlans":["#))
                var first = true
                var before: Int?
                while true {
                    let page = try await studio.carePlanVersions(caller, limit: 10, before: before)
                    let items = try page.versions.map(Components.Schemas.CarePlanVersion.init)
                    try await Self.write(items, to: &writer, encoder: encoder, first: &first)
                    guard page.more, let last = page.versions.last else { break }
                    before = last.version
                }
                try await writer.write(ByteBuffer(string: #"],"bookings":["#))
                first = true
                var offset = 0
                while true {
                    let page = try await studio.myBookings(caller, limit: 100, offset: offset)
                    let items = page.bookings.map(Components.Schemas.Booking.init)
                    try await Self.write(items, to: &writer, encoder: encoder, first: &first)
                    guard page.more else { break }
                    offset += page.bookings.count
                }
                try await writer.write(ByteBuffer(string: #"],"records":["#))
                first = true
                offset = 0
                while true {
                    let page = try await studio.myRecords(caller, limit: 20, offset: offset)
                    let items = try page.records.map(Components.Schemas.SessionRecordInfo.init)
                    try await Self.write(items, to: &writer, encoder: encoder, first: &first)
                    guard page.more else { break }
                    offset += page.records.count
                }
                try await writer.write(ByteBuffer(string: #"],"dayAnswers":["#))
                first = true
                let answers = try await studio.myDayAnswers(caller).map(Components.Schemas.DayAnswersKept.init)
                try await Self.write(answers, to: &writer, encoder: encoder, first: &first)
                try await writer.write(ByteBuffer(string: "]}"))
                try await writer.finish(nil)
            }
            return Response(
                status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: body)
        }
    }

    /// Writes `items` as members of a JSON array already opened (`first`: none written yet).
    private static func write<Item: Encodable>(
        _ items: [Item], to writer: inout any ResponseBodyWriter, encoder: JSONEncoder, first: inout Bool
    ) async throws {
        for item in items {
            var bytes = ByteBuffer(string: first ? "" : ",")
            bytes.writeData(try encoder.encode(item))
            try await writer.write(bytes)
            first = false
        }
    }
}
