import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// Issue #17, finding 7: one client saving a 0.99 MB care plan 30 times grew the database by
/// 34 MiB, and `/versions` answered 30 MiB at once. Plans and their lists have limits, versions
/// kept are capped (those a booking uses stay), and lists come a page at a time.
@Suite("Security: a client cannot fill the studio's storage, and lists come in pages")
struct StorageBoundsTests {
    static let link = HTTPField.Name("Link")!

    static func spot(_ note: String) -> [String: Any] { ["area": "left shoulders", "note": note] }

    @Test(
        "A 0.99 MB care plan, 41 spots, a long or hidden-character note: refused, each naming its field; nothing saved")
    func planLimits() async throws {
        try await TestStudio.run(.sqlite) { _, client in
            let t = try await client.tokens()
            _ = try await client.call(.put, "/api/me/care-plan", token: t.cleo, json: ["schemaVersion": 1])
            let huge =
                ["schemaVersion": 1, "tenderSpots": [Self.spot(String(repeating: "a", count: 990_000))]]
                as [String: Any]
            let big = try await client.call(.put, "/api/me/care-plan", token: t.cleo, json: huge)
            #expect(big.isProblem(.unprocessableContent), "\(big.status) \(big.detail)")
            #expect(big.detail.contains("at most 65536"), "\(big.detail)")
            let many = try await client.call(
                .put, "/api/me/care-plan", token: t.cleo,
                json: ["schemaVersion": 1, "tenderSpots": Array(repeating: Self.spot("sore"), count: 41)])
            #expect(many.isProblem(.unprocessableContent, field: "tenderSpots"), "\(many.detail)")
            #expect(many.detail.contains("keep it to 40"), "\(many.detail)")
            let long = try await client.call(
                .put, "/api/me/care-plan", token: t.cleo,
                json: [
                    "schemaVersion": 1,
                    "tenderSpots": [Self.spot("sore"), Self.spot(String(repeating: "é", count: 251))],
                ])
            #expect(long.isProblem(.unprocessableContent, field: "tenderSpots[1].note"), "\(long.detail)")
            #expect(long.detail.contains("502 bytes"), "\(long.detail)")
            let hidden = try await client.call(
                .put, "/api/me/care-plan", token: t.cleo,
                json: ["schemaVersion": 1, "tenderSpots": [Self.spot("sore\u{0}here"), Self.spot("\u{202E}eros")]])
            let fields = Set(
                (hidden.object["problems"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String })
            #expect(fields == ["tenderSpots[0].note", "tenderSpots[1].note"], "\(hidden.detail)")
            let versions = try await client.call(.get, "/api/me/care-plan/versions", token: t.cleo)
            #expect(versions.array.count == 1, "nothing saved: \(versions.array.count) versions")
            // 40 spots with 500-byte notes are fine.
            let full = try await client.call(
                .put, "/api/me/care-plan", token: t.cleo,
                json: [
                    "schemaVersion": 1,
                    "tenderSpots": Array(repeating: Self.spot(String(repeating: "b", count: 500)), count: 40),
                ])
            #expect(full.status == .created, "\(full.detail)")
        }
    }

    @Test("Sixty saves keep the newest fifty versions, and an older one a booking uses; the pages walk them all once")
    func versionsKeptAndPaged() async throws {
        try await TestStudio.run(.sqlite) { _, client in
            let t = try await client.tokens()
            for k in 1...3 {
                _ = try await client.call(
                    .put, "/api/me/care-plan", token: t.cleo,
                    json: ["schemaVersion": 1, "skipTicklishSpots": k % 2 == 0])
            }
            let booked = try await client.book(t.cleo, program: "total-back", start: "2026-11-24T10:00")
            #expect(booked.int("carePlanVersion") == 3, "\(booked.detail)")
            for _ in 4...60 {
                let saved = try await client.call(.put, "/api/me/care-plan", token: t.cleo, json: ["schemaVersion": 1])
                #expect(saved.status == .created)
            }
            // Walk the pages by their Link headers.
            var seen: [Int] = []
            var next: String? = "/api/me/care-plan/versions?limit=7"
            var pages = 0
            while let uri = next, pages < 20 {
                let page = try await client.call(.get, uri, token: t.cleo)
                #expect(page.status == .ok, "\(page.detail)")
                #expect(page.array.count <= 7)
                seen += page.array.compactMap { $0["version"] as? Int }
                next = page.headers[Self.link].flatMap(Self.nextPage)
                pages += 1
            }
            #expect(seen == Array((11...60).reversed()) + [3], "\(seen)")
            #expect(pages == 8)
            #expect(try await client.call(.get, "/api/me/care-plan/versions/3", token: t.cleo).status == .ok)
            #expect(try await client.call(.get, "/api/me/care-plan/versions/4", token: t.cleo).isProblem(.notFound))
            let first = try await client.call(.get, "/api/me/care-plan/versions", token: t.cleo)
            #expect(first.array.count == 20, "twenty unless asked")
            let tooMany = try await client.call(.get, "/api/me/care-plan/versions?limit=51", token: t.cleo)
            #expect(tooMany.isProblem(.badRequest), "\(tooMany.status)")
            // The export is streamed a page at a time (no length known in advance), whole JSON.
            let export = try await client.call(.get, "/api/me/export", token: t.cleo)
            #expect(export.status == .ok)
            #expect(export.headers[.contentLength] == nil, "streamed: \(export.headers)")
            let plans = (export.object["carePlans"] as? [[String: Any]] ?? []).compactMap { $0["version"] as? Int }
            #expect(plans == Array((11...60).reversed()) + [3], "\(plans)")
            #expect((export.object["bookings"] as? [Any])?.count == 1)
            #expect((export.object["records"] as? [Any])?.isEmpty == true)
            #expect((export.object["account"] as? [String: Any])?["email"] as? String == "cleo@test.example")
            // Written as the generated code writes the same types (dates as ISO 8601 text).
            #expect((export.object["account"] as? [String: Any])?["createdAt"] is String, "\(export.text.prefix(200))")
            #expect((export.object["carePlans"] as? [[String: Any]])?.first?["createdAt"] is String)
        }
    }

    @Test("A client's bookings come a page at a time, soonest first, each once")
    func bookingsPaged() async throws {
        try await TestStudio.run(.sqlite) { _, client in
            let t = try await client.tokens()
            for hour in [10, 12, 14, 16, 18] {
                let booked = try await client.book(t.cleo, program: "total-back", start: "2026-11-24T\(hour):00")
                #expect(booked.status == .created, "\(booked.detail)")
            }
            var starts: [String] = []
            var next: String? = "/api/me/bookings?limit=2"
            var pages = 0
            while let uri = next, pages < 10 {
                let page = try await client.call(.get, uri, token: t.cleo)
                starts += page.array.compactMap { $0["start"] as? String }
                next = page.headers[Self.link].flatMap(Self.nextPage)
                pages += 1
            }
            #expect(pages == 3)
            #expect(starts == [10, 12, 14, 16, 18].map { "2026-11-24T\($0):00" }, "\(starts)")
        }
    }

    /// The target of a `Link` header's `rel="next"`.
    static func nextPage(_ header: String) -> String? {
        guard header.contains("rel=\"next\""), let open = header.firstIndex(of: "<"),
            let close = header.firstIndex(of: ">")
        else { return nil }
        return String(header[header.index(after: open)..<close])
    }
}
