import Foundation
import HTTPTypes
import Testing
import UnknotStudio

/// The booking pages offer only what the studio will do (issue #18, defects 1, 2, 9 and 10).
@Suite("Web: booking pages")
struct BookingPagesTests {
    @Test("at 11:25 the first time offered is the first bookable one (60 minutes' notice), and it books")
    func notice() async throws {
        try await TestStudio.run(.sqlite) { studio, client in
            let t = try await client.tokens()
            studio.clock.advance(minutes: 3 * 60 + 25)  // Monday 11:25
            let page = try await client.page("/book?program=total-back&minutes=30&date=2026-11-23", token: t.cleo)
            #expect(!page.text.contains("value=\"2026-11-23T11:30\""), "11:30 is inside the notice")
            #expect(!page.text.contains("value=\"2026-11-23T12:15\""), "12:15 is 50 minutes away")
            #expect(page.text.contains("value=\"2026-11-23T12:30\""), "12:30 is the first bookable start")
            let booked = try await client.form(
                "/book", token: t.cleo, [("program", "total-back"), ("minutes", "30"), ("slot", "2026-11-23T12:30")])
            #expect(booked.status == .seeOther, "\(booked.text)")
            let api = try await client.call(
                .get, "/api/availability?program=total-back&minutes=30&from=2026-11-23&to=2026-11-23", token: nil)
            let starts = ((api.object["slots"] as? [[String: Any]]) ?? []).compactMap { $0["start"] as? String }
            #expect(starts.first == "2026-11-23T12:30", "\(starts.prefix(3))")
        }
    }

    @Test("a past day says it has passed and shows today; a length not offered says which are")
    func pastDayAndLength() async throws {
        try await TestStudio.run(.sqlite) { _, client in
            let t = try await client.tokens()
            let past = try await client.page("/book?program=total-back&minutes=30&date=2026-11-20", token: t.cleo)
            #expect(
                past.text.contains("Friday 20 November has passed. Here are today&#39;s free times."), "\(past.text)")
            #expect(past.text.contains("Free times on Monday 23 November"))
            let odd = try await client.page("/book?program=total-back&minutes=29&date=2026-11-24", token: t.cleo)
            #expect(odd.text.contains("is offered for 30, 45, 60 or 90 minutes, not 29"), "\(odd.text)")
            let api = try await client.call(
                .get, "/api/availability?program=total-back&minutes=29&from=2026-11-24&to=2026-11-24", token: nil)
            #expect(api.isProblem(.unprocessableContent, field: "minutes"), "\(api.status) \(api.detail)")
            #expect(api.detail.contains("not 29") && !api.detail.contains("JSON"), "\(api.detail)")
        }
    }

    @Test("Move and Cancel are offered only before their cut-offs; after, the page gives the studio's contact")
    func cutOffs() async throws {
        try await TestStudio.run(.sqlite) { studio, client in
            let t = try await client.tokens()
            let reply = try await client.book(t.cleo, start: "2026-11-24T10:00", station: 1)
            let id = try #require(reply.string("id"))
            let early = try await client.page("/bookings/\(id)", token: t.cleo)
            #expect(early.text.contains("/bookings/\(id)/move") && early.text.contains("/bookings/\(id)/cancel"))
            // Tuesday 10:00 is 26 hours away: 6 hours on, cancelling has closed (24 h), moving not (12 h).
            studio.clock.advance(minutes: 6 * 60)
            let middle = try await client.page("/bookings/\(id)", token: t.cleo)
            #expect(middle.text.contains("/bookings/\(id)/move"))
            #expect(!middle.text.contains("/bookings/\(id)/cancel"))
            #expect(middle.text.contains("id=\"too-late\"") && middle.text.contains("write to the studio at"))
            studio.clock.advance(minutes: 10 * 60)
            let late = try await client.page("/bookings/\(id)", token: t.cleo)
            #expect(!late.text.contains("/bookings/\(id)/move") && !late.text.contains("/bookings/\(id)/cancel"))
            let refused = try await client.call(.post, "/api/bookings/\(id)/cancel", token: t.cleo)
            #expect(refused.detail.contains("to change it now, write to the studio at"), "\(refused.detail)")
        }
    }

    @Test("a cancelled session still to come is listed as cancelled, not under Before")
    func cancelledList() async throws {
        try await TestStudio.run(.sqlite) { _, client in
            let t = try await client.tokens()
            let id = try #require(try await client.book(t.cleo, start: "2026-11-26T10:00", station: 1).string("id"))
            _ = try await client.call(.post, "/api/bookings/\(id)/cancel", token: t.cleo)
            let list = try await client.page("/bookings", token: t.cleo)
            #expect(list.text.contains("id=\"cancelled-bookings\""))
            #expect(!list.text.contains("<h2>Before</h2>"), "\(list.text)")
        }
    }
}
