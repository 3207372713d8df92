import Foundation
import HTTPTypes
import Testing
import UnknotStudio

/// The waitlist through the pages (issue #18): a full time freed by a cancellation is held for the
/// client waiting for it, mailed to them, offered to no one else, and booked with one button.
@Suite("Web: the waitlist")
struct WaitlistPagesTests {
    @Test(
        "a cancellation frees a time: the waiting client gets the e-mail and books it; no one else is offered it",
        arguments: TestStore.available)
    func offerAfterCancellation(store: TestStore) async throws {
        try await TestStudio.run(store) { studio, client in
            let t = try await client.tokens()
            let eve = try #require(
                try await client.signUp("eve@test.example", name: "Eve Client", in: studio).string("token"))
            #expect(try await client.book(t.cleo, start: "2026-11-24T10:00", station: 1).status == .created)
            let eves = try await client.book(eve, start: "2026-11-24T10:00", station: 2)
            let evesID = try #require(eves.string("id"))
            // Dan waits for a 30-minute session starting 10:00 to 10:15 that Tuesday.
            let joined = try await client.form(
                "/waitlist", token: t.dan,
                [
                    ("program", "total-back"), ("minutes", "30"), ("date", "2026-11-24"), ("from", "10:00"),
                    ("to", "10:15"),
                ])
            #expect(joined.location == "/waitlist?joined=1", "\(joined.status) \(joined.text.prefix(400))")
            #expect(try await client.page("/waitlist", token: t.dan).text.contains("· waiting"))
            // Eve cancels: 10:00 on station 2 is held for Dan and mailed to him.
            #expect(try await client.call(.post, "/api/bookings/\(evesID)/cancel", token: eve).status == .ok)
            let offer = try #require(await studio.mailbox.next(to: "dan@test.example"))
            #expect(offer.text.contains("A time you were waiting for is free"), "\(offer.text)")
            #expect(offer.text.contains("10:00, Station 2."), "the station by its name: \(offer.text)")
            let page = try await client.page("/waitlist", token: t.dan).text
            #expect(page.contains("Held for you: <strong>Tuesday 24 November, 10:00, Station 2</strong>"), "\(page)")
            #expect(!page.contains("waitlist-problem"), "no empty problem box")
            // No one else is offered the held time.
            let query = "/api/availability?program=total-back&minutes=30&from=2026-11-24&to=2026-11-24"
            let others = try await client.call(.get, query, token: nil).object["slots"] as? [[String: Any]] ?? []
            #expect(!others.contains { $0["start"] as? String == "2026-11-24T10:00" }, "the held time is Dan's")
            #expect(try await client.book(eve, start: "2026-11-24T10:00", station: 2).status == .conflict)
            // Dan books it with one button.
            let id = try #require(page.components(separatedBy: "/waitlist/").dropFirst().first?.prefix(36))
            let booked = try await client.form("/waitlist/\(id)/accept", token: t.dan)
            let location = try #require(booked.location)
            #expect(location.hasPrefix("/bookings/") && location.hasSuffix("?new=1"))
            let confirmation = try #require(await studio.mailbox.next(to: "dan@test.example"))
            #expect(confirmation.text.contains("You are booked"), "\(confirmation.text)")
            let mine = try await client.call(.get, "/api/me/bookings", token: t.dan).array
            #expect(mine.contains { $0["status"] as? String == "booked" && $0["stationId"] as? Int == 2 })
        }
    }

    @Test("a hold that runs out goes to the next on the waitlist")
    func holdRunsOut() async throws {
        try await TestStudio.run(.sqlite) { studio, client in
            let t = try await client.tokens()
            let eve = try #require(
                try await client.signUp("eve@test.example", name: "Eve Client", in: studio).string("token"))
            for (token, station) in [(t.cleo, 1), (eve, 2)] {
                #expect(try await client.book(token, start: "2026-11-24T10:00", station: station).status == .created)
            }
            // Dan waits for 10:00.
            _ = try await client.form(
                "/waitlist", token: t.dan,
                [
                    ("program", "total-back"), ("minutes", "30"), ("date", "2026-11-24"), ("from", "10:00"),
                    ("to", "10:00"),
                ])
            let cleos = try await client.call(.get, "/api/me/bookings", token: t.cleo).array
            let cleoID = try #require(cleos.first?["id"] as? String)
            #expect(try await client.call(.post, "/api/bookings/\(cleoID)/cancel", token: t.cleo).status == .ok)
            _ = await studio.mailbox.next(to: "dan@test.example")
            // Cleo changes her mind and waits too, after Dan.
            _ = try await client.form(
                "/waitlist", token: t.cleo,
                [
                    ("program", "total-back"), ("minutes", "30"), ("date", "2026-11-24"), ("from", "10:00"),
                    ("to", "10:00"),
                ])
            // Dan lets the two-hour hold run out: it goes to Cleo (a lapsed hold is settled before
            // any waitlist is shown, and every minute by the server's own service).
            studio.clock.advance(minutes: 121)
            #expect(!(try await client.page("/waitlist", token: t.dan).text.contains("Held for you")))
            // (Her booking's and her cancellation's mails come first.)
            var offered = false
            for _ in 0..<3 {
                guard let mail = await studio.mailbox.next(to: "cleo@test.example") else { break }
                if mail.text.contains("A time you were waiting for is free") { offered = true; break }
            }
            #expect(offered, "the offer went to Cleo, next in line")
            #expect(try await client.page("/waitlist", token: t.cleo).text.contains("Held for you"))
        }
    }
}
