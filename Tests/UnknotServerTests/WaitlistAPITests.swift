import Foundation
import HTTPTypes
import Testing
import UnknotStudio

/// The waitlist through the JSON API (issue #18): the same studio calls as the pages.
@Suite("API: the waitlist")
struct WaitlistAPITests {
    @Test("join (every wrong field named), see the held time after a cancellation, book it; leave")
    func waitlist() async throws {
        try await TestStudio.run(.sqlite) { studio, client in
            let t = try await client.tokens()
            let eve = try #require(
                try await client.signUp("eve@test.example", name: "Eve Client", in: studio).string("token"))
            #expect(try await client.book(t.cleo, start: "2026-11-24T10:00", station: 1).status == .created)
            let eves = try await client.book(eve, start: "2026-11-24T10:00", station: 2)
            let evesID = try #require(eves.string("id"))
            let wrong = try await client.call(
                .post, "/api/me/waitlist", token: t.dan,
                json: ["program": "total-back", "minutes": 30, "date": "2026-11-24", "from": "ten", "to": "9:00"])
            #expect(wrong.isProblem(.unprocessableContent), "\(wrong.detail)")
            let fields = (wrong.object["problems"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
            #expect(Set(fields) == ["from", "to"], "\(wrong.text)")
            let joined = try await client.call(
                .post, "/api/me/waitlist", token: t.dan,
                json: ["program": "total-back", "minutes": 30, "date": "2026-11-24", "from": "10:00", "to": "10:15"])
            #expect(joined.status == .created && joined.string("status") == "waiting", "\(joined.detail)")
            let entry = try #require(joined.string("id"))
            #expect(joined.string("from") == "10:00" && joined.string("to") == "10:15")
            #expect(try await client.call(.post, "/api/bookings/\(evesID)/cancel", token: eve).status == .ok)
            let mine = try await client.call(.get, "/api/me/waitlist", token: t.dan).array
            let held = try #require(mine.first { $0["id"] as? String == entry })
            #expect(held["status"] as? String == "offered" && held["offerExpiresAt"] != nil, "\(mine)")
            #expect((held["offer"] as? [String: Any])?["start"] as? String == "2026-11-24T10:00")
            // Someone else's entry is not theirs to book.
            #expect(try await client.call(.post, "/api/me/waitlist/\(entry)/accept", token: t.cleo).status.code >= 400)
            let booked = try await client.call(.post, "/api/me/waitlist/\(entry)/accept", token: t.dan)
            #expect(booked.status == .created && booked.string("status") == "booked", "\(booked.detail)")
            // A second place, then left.
            let other = try await client.call(
                .post, "/api/me/waitlist", token: t.dan,
                json: ["program": "total-back", "minutes": 30, "date": "2026-11-25", "from": "09:00", "to": "12:00"])
            let otherID = try #require(other.string("id"), "\(other.detail)")
            #expect(try await client.call(.delete, "/api/me/waitlist/\(otherID)", token: t.dan).status == .noContent)
            #expect(try await client.call(.get, "/api/me/waitlist", token: t.dan).array.isEmpty)
            #expect(try await client.call(.get, "/api/me/waitlist", token: t.staff).status.code >= 400)
        }
    }
}
