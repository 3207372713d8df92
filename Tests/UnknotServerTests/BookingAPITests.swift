import Foundation
import HTTPTypes
import Testing

@Suite("API: availability and booking")
struct BookingAPITests {
    static func slots(_ reply: Reply, station: Int) -> [String] {
        ((reply.object["slots"] as? [[String: Any]]) ?? []).filter { $0["stationId"] as? Int == station }
            .compactMap { $0["start"] as? String }
    }

    @Test("the cleaning buffer is never offered; a booked slot is gone", arguments: TestStore.available)
    func availability(store: TestStore) async throws {
        try await TestStudio.run(store) { _, client in
            let t = try await client.tokens()
            let uri = "/api/availability?program=total-back&minutes=30&from=2026-11-24&to=2026-11-24&stationId=1"
            let before = Self.slots(try await client.call(.get, uri), station: 1)
            #expect(before.first == "2026-11-24T09:00")
            // 20:00 closing, 30 minutes + 10 buffer: the last start is 19:15.
            #expect(before.last == "2026-11-24T19:15")
            let booked = try await client.book(t.cleo, start: "2026-11-24T10:00", station: 1)
            #expect(booked.status == .created, "\(booked.detail)")
            let after = Self.slots(try await client.call(.get, uri), station: 1)
            // 10:00-10:30 and the buffer to 10:40 are held: 09:30 (ends 10:00, its buffer would
            // run into the session) and 10:00-10:30 go; 10:45 is the next start.
            for gone in [
                "2026-11-24T09:30", "2026-11-24T09:45", "2026-11-24T10:00", "2026-11-24T10:15", "2026-11-24T10:30",
            ] {
                #expect(!after.contains(gone), "\(gone) should not be offered")
            }
            #expect(after.contains("2026-11-24T09:15"))
            #expect(after.contains("2026-11-24T10:45"))
            // Exactly the slots the search no longer offers are refused by booking.
            #expect(try await client.book(t.dan, start: "2026-11-24T10:30", station: 1).isProblem(.conflict))
            #expect(try await client.book(t.dan, start: "2026-11-24T10:45", station: 1).status == .created)
            // Without a station, any free one is taken.
            let any = try await client.book(t.dan, start: "2026-11-24T10:00")
            #expect(any.int("stationId") == 2, "\(any.detail)")
            // Again at 10:00: Dan is in session then himself (issue #18, defect 3).
            #expect(
                try await client.book(t.dan, start: "2026-11-24T10:00").isProblem(.unprocessableContent, field: "start")
            )

            let badRange = try await client.call(
                .get, "/api/availability?program=total-back&minutes=30&from=2026-11-24&to=2027-03-01")
            #expect(badRange.isProblem(.unprocessableContent, field: "to"), "\(badRange.detail)")
            let badDate = try await client.call(
                .get, "/api/availability?program=total-back&minutes=30&from=2026-13-01&to=2026-13-02")
            #expect(badDate.isProblem(.badRequest, field: "from"), "\(badDate.detail)")
            let badLength = try await client.call(
                .get, "/api/availability?program=express&minutes=90&from=2026-11-24&to=2026-11-24")
            #expect(badLength.isProblem(.unprocessableContent, field: "minutes"), "\(badLength.detail)")
        }
    }

    @Test("the rules: notice, off-grid and closed hours, screening, roles", arguments: TestStore.available)
    func rules(store: TestStore) async throws {
        try await TestStudio.run(store) { _, client in
            let t = try await client.tokens()
            // Now is Monday 08:00: 08:30 is too soon, 09:00 is fine.
            let soon = try await client.book(t.cleo, start: "2026-11-23T08:30")
            #expect(soon.isProblem(.unprocessableContent, field: "start"), "\(soon.detail)")
            #expect(try await client.book(t.cleo, start: "2026-11-23T09:00").status == .created)
            let offGrid = try await client.book(t.cleo, start: "2026-11-24T10:05")
            #expect(offGrid.isProblem(.unprocessableContent, field: "start"), "\(offGrid.detail)")
            #expect(offGrid.detail.contains("quarter hour"))
            let closed = try await client.book(t.cleo, start: "2026-11-24T19:30")
            #expect(closed.isProblem(.unprocessableContent, field: "start"), "\(closed.detail)")
            #expect(closed.detail.contains("09:00-20:00"), "\(closed.detail)")
            let far = try await client.book(t.cleo, start: "2027-06-01T10:00")
            #expect(far.isProblem(.unprocessableContent, field: "start"), "\(far.detail)")
            let garbled = try await client.book(t.cleo, start: "tomorrow at ten")
            #expect(garbled.isProblem(.badRequest, field: "start"), "\(garbled.detail)")
            #expect(try await client.book(t.staff, start: "2026-11-24T10:00").isProblem(.forbidden))
            #expect(try await client.book("not-a-token", start: "2026-11-24T10:00").isProblem(.unauthorized))

            // A suspected thrombosis in the care plan: the screening refuses, with the reason. (How one
            // is on the day, a fever, is asked before the session, never at booking: RecordAPITests.)
            let health = ["suspectedDeepVeinThrombosis": true]
            _ = try await client.call(
                .put, "/api/me/care-plan", token: t.dan, json: ["schemaVersion": 1, "health": health])
            let refused = try await client.book(t.dan, start: "2026-11-24T10:00")
            #expect(
                refused.isProblem(.unprocessableContent, field: "health.suspectedDeepVeinThrombosis"),
                "\(refused.detail)")
            #expect(refused.detail.lowercased().contains("thrombosis"), "\(refused.detail)")
        }
    }

    @Test("cancel and move: the client until the cut-off, staff until the start", arguments: TestStore.available)
    func cancelAndMove(store: TestStore) async throws {
        try await TestStudio.run(store) { studio, client in
            let t = try await client.tokens()
            let first = try await client.book(t.cleo, start: "2026-11-24T10:00", station: 1)
            let id = try #require(first.string("id"))
            // Another client cannot see or touch it.
            #expect(try await client.call(.get, "/api/bookings/\(id)", token: t.dan).isProblem(.notFound))
            #expect(try await client.call(.post, "/api/bookings/\(id)/cancel", token: t.dan).isProblem(.notFound))
            #expect(try await client.call(.get, "/api/bookings/\(id)", token: t.staff).status == .ok)
            #expect(try await client.call(.get, "/api/bookings/nonsense", token: t.cleo).isProblem(.badRequest))

            // Move it (26 hours ahead: allowed), to a slot that is free.
            let moved = try await client.call(
                .post, "/api/bookings/\(id)/reschedule", token: t.cleo, json: ["start": "2026-11-24T11:00"])
            #expect(moved.status == .ok, "\(moved.detail)")
            #expect(moved.string("start") == "2026-11-24T11:00")
            #expect(try await client.book(t.dan, start: "2026-11-24T10:00", station: 1).status == .created)
            // Into Dan's slot: refused, and the booking stays where it was.
            let clash = try await client.call(
                .post, "/api/bookings/\(id)/reschedule", token: t.cleo,
                json: ["start": "2026-11-24T10:15", "stationId": 1])
            #expect(clash.isProblem(.conflict), "\(clash.detail)")
            #expect(
                try await client.call(.get, "/api/bookings/\(id)", token: t.cleo).string("start") == "2026-11-24T11:00")

            // 23 hours before: too late for the client to cancel; staff still can.
            studio.clock.set(TestStudio.monday.addingTimeInterval(4 * 3_600))  // Monday 12:00
            let late = try await client.call(.post, "/api/bookings/\(id)/cancel", token: t.cleo)
            #expect(late.isProblem(.unprocessableContent), "\(late.detail)")
            #expect(late.detail.contains("24 hours"))
            let lateMove = try await client.call(
                .post, "/api/bookings/\(id)/reschedule", token: t.cleo, json: ["start": "2026-11-25T11:00"])
            #expect(lateMove.status == .ok, "12-hour cut-off: \(lateMove.detail)")
            let byStaff = try await client.call(.post, "/api/bookings/\(id)/cancel", token: t.staff)
            #expect(byStaff.string("status") == "cancelled", "\(byStaff.detail)")
            #expect(
                try await client.call(.post, "/api/bookings/\(id)/cancel", token: t.staff).isProblem(
                    .unprocessableContent))
            // The freed slot can be booked again.
            #expect(try await client.book(t.dan, start: "2026-11-25T11:00", station: 1).status == .created)
        }
    }

    @Test("lists: staff see every booking, a client their own", arguments: TestStore.available)
    func lists(store: TestStore) async throws {
        try await TestStudio.run(store) { _, client in
            let t = try await client.tokens()
            _ = try await client.book(t.cleo, start: "2026-11-24T10:00")
            _ = try await client.book(t.dan, start: "2026-11-24T12:00")
            let all = try await client.call(.get, "/api/bookings?from=2026-11-24&to=2026-11-24", token: t.staff)
            #expect(all.array.compactMap { $0["clientName"] as? String } == ["Cleo Client", "Dan Client"])
            let own = try await client.call(.get, "/api/bookings?from=2026-11-24&to=2026-11-24", token: t.cleo)
            #expect(own.array.count == 1)
            #expect(try await client.call(.get, "/api/me/bookings", token: t.dan).array.count == 1)
            let station = try await client.call(
                .get, "/api/bookings?from=2026-11-24&to=2026-11-24&stationId=2", token: t.staff)
            #expect(station.array.isEmpty)
        }
    }

    @Test("calendar files: one per booking and a private feed", arguments: TestStore.available)
    func calendars(store: TestStore) async throws {
        try await TestStudio.run(store) { _, client in
            let t = try await client.tokens()
            let booked = try await client.book(t.cleo, start: "2026-11-24T10:00")
            let id = try #require(booked.string("id"))
            let ics = try await client.call(.get, "/api/bookings/\(id)/calendar.ics", token: t.cleo)
            #expect(ics.status == .ok)
            #expect(ics.headers[.contentType]?.hasPrefix("text/calendar") == true)
            #expect(ics.text.contains("DTSTART:20261124T100000Z"))
            #expect(ics.text.contains("\r\n"))
            #expect(try await client.call(.get, "/api/bookings/\(id)/calendar.ics", token: t.dan).isProblem(.notFound))

            let link = try await client.call(.get, "/api/me/calendar", token: t.cleo)
            let path = try #require(link.string("path"))
            let feed = try await client.call(.get, path)
            #expect(feed.text.contains("UID:\(id)@unknot"))
            _ = try await client.call(.post, "/api/bookings/\(id)/cancel", token: t.cleo)
            #expect(try await client.call(.get, path).text.contains("STATUS:CANCELLED"))
            #expect(try await client.call(.get, "/api/calendar/0123456789abcdefghij").isProblem(.notFound))
        }
    }

    @Test("the next visit follows the client's history", arguments: TestStore.available)
    func nextVisit(store: TestStore) async throws {
        try await TestStudio.run(store) { studio, client in
            let t = try await client.tokens()
            let none = try await client.call(.get, "/api/me/next-visit", token: t.cleo)
            #expect(none.int("sessions") == 0)
            #expect(none.string("date") == nil)
            _ = try await client.book(t.cleo, start: "2026-11-24T10:00")
            let booked = try await client.call(.get, "/api/me/next-visit", token: t.cleo)
            #expect((booked.string("reason") ?? "").contains("booked"))
            studio.clock.set(TestStudio.monday.addingTimeInterval(3 * 86_400))  // Thursday
            let after = try await client.call(.get, "/api/me/next-visit", token: t.cleo)
            #expect(after.int("sessions") == 1)
            #expect(after.string("date") == "2026-12-22", "\(after.text)")
        }
    }
}
