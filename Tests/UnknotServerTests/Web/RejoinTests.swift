import Foundation
import HummingbirdTesting
import Testing

/// A closed tab never leaves a station paused with no way back (issue #15): the client finds
/// their running session from their home page, bookings and booking, whoever started it; and the
/// console says plainly what stopped, offering Resume only when it would work.
@Suite("Web: rejoining a running session, and the console's stop states")
struct RejoinTests {
    /// The console link a page offers to rejoin, if any.
    static func rejoinLink(_ page: Reply) -> String? {
        page.text.firstMatch(of: #/class="button primary rejoin-link" href="(/console/[0-9a-f-]+)"/#).map {
            String($0.1)
        }
    }

    @Test(
        "a session staff started is rejoined from the client's home, bookings and booking pages; stop states read plainly"
    )
    func rejoinAndStopStates() async throws {
        try await TestStudio.run(.sqlite, .live) { studio, client in
            let t = try await client.tokens()
            _ = try await client.call(.put, "/api/me/care-plan", token: t.cleo, json: ["schemaVersion": 1])
            let booked = try await client.book(t.cleo, start: "\(TestStudio.day(after: 0))T09:00")
            let booking = try #require(booked.string("id"), "\(booked.detail)")
            #expect(Self.rejoinLink(try await client.page("/", token: t.cleo)) == nil, "nothing runs yet")
            studio.clock.set(TestStudio.monday.addingTimeInterval(45 * 60))  // 08:45
            // Staff start it from the floor: the client has no console open.
            try await client.answerToday(booking, token: t.cleo)
            #expect(try await client.form("/bookings/\(booking)/start", token: t.staff).location == "/staff")
            let home = try await client.page("/", token: t.cleo)
            let link = try #require(Self.rejoinLink(home), "the home page offers the running session")
            #expect(home.text.contains("Your session is running on Station 1"))
            #expect(Self.rejoinLink(try await client.page("/bookings", token: t.cleo)) == link)
            #expect(Self.rejoinLink(try await client.page("/bookings/\(booking)", token: t.cleo)) == link)
            #expect(Self.rejoinLink(try await client.page("/", token: t.dan)) == nil, "only to its own client")
            let session = String(link.dropFirst("/console/".count))
            #expect(try await client.page(link, token: t.cleo).status == .ok)

            try await client.console(session, token: t.cleo) { feed, press in
                let working = await studio.advance(until: { await feed.lastStatus?.state == "working" })
                #expect(working)
                #expect(await feed.lastStatus?.canResume == false, "nothing to resume while it works")
                try await press("pause")
                #expect(await studio.advance(until: { await feed.lastStatus?.state == "paused" }))
                let paused = await feed.lastStatus
                #expect(paused?.stateText == "Paused" && paused?.canResume == true)
                try await press("resume")
                #expect(await studio.advance(until: { await feed.lastStatus?.state == "working" }))
                // Between strokes the area and level stay on the console while the arm works.
                let seen = await studio.advance(until: {
                    guard let s = await feed.lastStatus else { return false }
                    return s.state == "working" && !s.contact && s.level > 0 && s.area != nil
                })
                #expect(seen, "the area and level never blank between strokes")
                // Staff's stop: plainly said, and no Resume until staff release it.
                #expect(try await client.form("/staff/stations/1/stop", token: t.staff).location == "/staff")
                #expect(await studio.advance(until: { await feed.lastStatus?.stopped == true }, limit: 10_000))
                let stopped = await feed.lastStatus
                #expect(stopped?.stateText == "Staff stopped the arm" && stopped?.canResume == false)
                #expect(stopped?.area == nil && stopped?.level == 0, "lifted: nothing shown as worked")
                #expect(try await client.form("/staff/stations/1/release", token: t.staff).location == "/staff")
                #expect(await studio.advance(until: { await feed.lastStatus?.canResume == true }, limit: 10_000))
                try await press("resume")
                #expect(await studio.advance(until: { await feed.lastStatus?.state == "working" }, limit: 10_000))
            }
        }
    }
}
