import Foundation
import HTTPTypes
import Testing

/// The staff calendar (issue #18): a day or a week per station, sessions with their clients, the
/// free time between them; for staff only.
@Suite("Web: the staff calendar")
struct CalendarPageTests {
    @Test("a day and a week with the sessions booked and the free time between them")
    func dayAndWeek() async throws {
        try await TestStudio.run(.sqlite) { _, client in
            let t = try await client.tokens()
            #expect(try await client.book(t.cleo, start: "2026-11-26T10:00", station: 1).status == .created)
            #expect(try await client.book(t.dan, start: "2026-11-27T14:00", station: 2).status == .created)
            let day = try await client.page("/staff/calendar?date=2026-11-26&station=1", token: t.staff)
            #expect(day.status == .ok)
            #expect(
                day.text.contains("<time>10:00</time>–<time>10:30</time> <strong>Cleo Client</strong>"), "\(day.text)")
            #expect(day.text.contains("<time>09:00</time>–<time>10:00</time> free"))
            #expect(
                day.text.contains("<time>10:40</time>–<time>20:00</time> free"), "cleaning after a session is not free")
            let week = try await client.page("/staff/calendar?date=2026-11-26&view=week", token: t.staff)
            #expect(week.text.contains("Cleo Client") && week.text.contains("Dan Client"))
            #expect(week.text.contains("Monday 23 November") && week.text.contains("Sunday 29 November"))
            #expect(try await client.page("/staff/calendar", token: t.cleo).status == .forbidden, "for staff only")
        }
    }
}
