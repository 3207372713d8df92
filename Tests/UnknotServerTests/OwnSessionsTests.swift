import Foundation
import HTTPTypes
import Testing
import UnknotServer
import UnknotStudio

/// Issue #18, defect 3: a client could book themselves twice at once (10:00 on stations 1 and 2;
/// an Express overlapping their own session). One client, one table at a time.
@Suite("A client's own sessions")
struct OwnSessionsTests {
    @Test(
        "a second session overlapping one's own is refused with the one in the way; back to back is fine",
        arguments: TestStore.available)
    func refused(store: TestStore) async throws {
        try await TestStudio.run(store) { _, client in
            let t = try await client.tokens()
            #expect(try await client.book(t.cleo, start: "2026-11-24T10:00", station: 1).status == .created)
            let twice = try await client.book(t.cleo, start: "2026-11-24T10:00", station: 2)
            #expect(twice.isProblem(.unprocessableContent, field: "start"), "\(twice.detail)")
            #expect(twice.detail.contains("you already have a session then"), "\(twice.detail)")
            #expect(twice.detail.contains("Tuesday 24 November, 10:00 to 10:30"), "\(twice.detail)")
            let express = try await client.book(
                t.cleo, program: "express", minutes: 15, start: "2026-11-24T10:15", station: 2)
            #expect(express.isProblem(.unprocessableContent, field: "start"), "\(express.detail)")
            // Right after it, on the other station: allowed (the station's cleaning is not the client's).
            let after = try await client.book(t.cleo, start: "2026-11-24T10:30", station: 2)
            #expect(after.status == .created, "\(after.detail)")
            // Moving the 10:30 session onto the 10:00 one is refused too.
            let id = try #require(after.string("id"))
            let move = try await client.call(
                .post, "/api/bookings/\(id)/reschedule", token: t.cleo, json: ["start": "2026-11-24T10:15"])
            #expect(move.isProblem(.unprocessableContent, field: "start"), "\(move.status) \(move.detail)")
        }
    }

    @Test(
        "a signed-in client is offered no time overlapping their own sessions; others still are",
        arguments: TestStore.available)
    func availability(store: TestStore) async throws {
        try await TestStudio.run(store) { _, client in
            let t = try await client.tokens()
            #expect(try await client.book(t.cleo, start: "2026-11-24T10:00", station: 1).status == .created)
            let query = "/api/availability?program=total-back&minutes=30&from=2026-11-24&to=2026-11-24"
            let mine = Set(try await client.call(.get, query, token: t.cleo).object["slots"].starts)
            let theirs = Set(try await client.call(.get, query, token: t.dan).object["slots"].starts)
            for overlapping in ["2026-11-24T09:45", "2026-11-24T10:00", "2026-11-24T10:15"] {
                #expect(!mine.contains(overlapping), "\(overlapping) offered to the client who is in session then")
            }
            #expect(mine.contains("2026-11-24T09:30") && mine.contains("2026-11-24T10:30"))
            #expect(theirs.contains("2026-11-24T10:00"), "station 2 is free at 10:00 for anyone else")
        }
    }

    @Test(
        "one client's simultaneous bookings of one time on different stations: exactly one stands",
        arguments: TestStore.available)
    func race(store: TestStore) async throws {
        try await TestStudio.run(store, .live) { _, client in
            let t = try await client.tokens()
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for n in 0..<6 {
                    group.addTask {
                        try await client.book(t.cleo, start: "2026-11-24T14:00", station: n % 2 + 1).status
                    }
                }
                var all: [HTTPResponse.Status] = []
                for try await status in group { all.append(status) }
                return all
            }
            #expect(statuses.filter { $0 == .created }.count == 1, "\(statuses.map(\.code))")
            let mine = try await client.call(.get, "/api/me/bookings", token: t.cleo).array
            #expect(mine.filter { $0["status"] as? String == "booked" }.count == 1)
        }
    }
}

extension Optional where Wrapped == Any {
    /// The `start` of each slot in an availability answer.
    fileprivate var starts: [String] { ((self as? [[String: Any]]) ?? []).compactMap { $0["start"] as? String } }
}
