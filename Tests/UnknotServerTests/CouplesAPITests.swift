import Foundation
import HTTPTypes
import Testing
import UnknotStudio

/// Sessions for two through the JSON API (issue #18): two stations side by side, one booking,
/// each person on their own account and care plan.
@Suite("API: sessions for two")
struct CouplesAPITests {
    @Test(
        "book for two, the partner takes the seat by the mailed link, move both, each leaves",
        arguments: TestStore.available)
    func couple(store: TestStore) async throws {
        try await TestStudio.run(store) { studio, client in
            let t = try await client.tokens()
            // Availability for two: only where station 1 and station 2 are both free.
            #expect(try await client.book(t.dan, start: "2026-11-24T10:00", station: 2).status == .created)
            let query = "/api/availability?program=total-back&minutes=30&from=2026-11-24&to=2026-11-24"
            let forTwo = try await client.call(.get, query + "&people=2", token: t.cleo)
            let slots = forTwo.object["slots"] as? [[String: Any]] ?? []
            #expect(
                !slots.isEmpty
                    && slots.allSatisfy { $0["stationId"] as? Int == 1 && $0["partnerStationId"] as? Int == 2 })
            #expect(!slots.contains { $0["start"] as? String == "2026-11-24T10:00" }, "station 2 is taken at 10:00")
            let forOne = try await client.call(.get, query, token: t.cleo).object["slots"] as? [[String: Any]] ?? []
            #expect(forOne.contains { $0["start"] as? String == "2026-11-24T10:00" })
            #expect(try await client.call(.get, query + "&people=3", token: t.cleo).isProblem(.unprocessableContent))

            // Every wrong field named; the booker's own address is not a partner's.
            let own = try await client.call(
                .post, "/api/bookings", token: t.cleo,
                json: [
                    "program": "total-back", "minutes": 30, "start": "2026-11-24T11:00",
                    "partnerEmail": "CLEO@test.example",
                ])
            #expect(own.isProblem(.unprocessableContent) && own.string("field") == "partnerEmail", "\(own.detail)")
            let single = try await client.book(t.cleo, start: "2026-11-24T09:00").object["priceCents"] as? Int ?? 0
            let booked = try await client.call(
                .post, "/api/bookings", token: t.cleo,
                json: [
                    "program": "total-back", "minutes": 30, "start": "2026-11-24T11:00",
                    "partnerEmail": "eve@test.example",
                ])
            #expect(booked.status == .created, "\(booked.detail)")
            let id = try #require(booked.string("id"))
            let couple = booked.object["couple"] as? [String: Any] ?? [:]
            #expect(couple["seat"] as? String == "booker" && couple["otherSeat"] as? String == "open", "\(booked.text)")
            #expect(couple["invitedEmail"] as? String == "eve@test.example" && couple["otherStationId"] as? Int == 2)
            #expect(booked.object["priceCents"] as? Int == single * 2, "the booker pays for both seats")
            let seatID = try #require(couple["otherBookingId"] as? String)
            // The open seat holds its station, not the booker's time; the booker's list shows one session.
            #expect(try await client.book(t.dan, start: "2026-11-24T11:00").status == .conflict)
            let mine = try await client.call(.get, "/api/me/bookings", token: t.cleo).array
            #expect(!mine.contains { $0["id"] as? String == seatID } && mine.contains { $0["id"] as? String == id })
            let day = try await client.call(.get, "/api/bookings?from=2026-11-24&to=2026-11-24", token: t.staff).array
            #expect(day.filter { $0["start"] as? String == "2026-11-24T11:00" }.count == 2)

            // The invitation: a link for whoever holds the address, account or not.
            let mail = try #require(await studio.mailbox.next(to: "eve@test.example"), "no invitation mail")
            #expect(mail.text.contains("Cleo Client booked a session for two") && mail.text.contains("/join?token="))
            let token = try #require(mail.token)
            let eve = try #require(
                try await client.signUp("eve@test.example", name: "Eve Partner", in: studio).string("token"))
            let byBooker = try await client.call(.post, "/api/me/partner-seats", token: t.cleo, json: ["token": token])
            #expect(
                byBooker.isProblem(.unprocessableContent) && byBooker.string("field") == "token", "\(byBooker.detail)")
            let taken = try await client.call(.post, "/api/me/partner-seats", token: eve, json: ["token": token])
            #expect(taken.status == .ok && taken.string("id") == seatID, "\(taken.detail)")
            let seat = taken.object["couple"] as? [String: Any] ?? [:]
            #expect(
                seat["seat"] as? String == "partner" && seat["otherName"] as? String == "Cleo Client", "\(taken.text)")
            #expect(taken.object["totalCents"] as? Int == 0, "the partner's seat is paid by the booker")
            let again = try await client.call(.post, "/api/me/partner-seats", token: t.dan, json: ["token": token])
            #expect(again.isProblem(.unprocessableContent), "a link works once: \(again.detail)")
            #expect(await studio.mailbox.next(to: "cleo@test.example", containing: "Eve Partner took the place") != nil)
            let seen =
                try await client.call(.get, "/api/bookings/\(id)", token: t.cleo).object["couple"] as? [String: Any]
            #expect(seen?["otherName"] as? String == "Eve Partner" && seen?["invitedEmail"] == nil)
            // Now the seat holds Eve's time.
            #expect(try await client.book(eve, start: "2026-11-24T11:00").isProblem(.unprocessableContent))

            // The partner cannot move the booker's session; the booker moves both.
            let byPartner = try await client.call(
                .post, "/api/bookings/\(seatID)/reschedule", token: eve, json: ["start": "2026-11-24T14:00"])
            #expect(byPartner.isProblem(.unprocessableContent), "\(byPartner.detail)")
            let moved = try await client.call(
                .post, "/api/bookings/\(id)/reschedule", token: t.cleo, json: ["start": "2026-11-24T14:00"])
            #expect(moved.status == .ok && moved.string("start") == "2026-11-24T14:00", "\(moved.detail)")
            let evesSeat = try await client.call(.get, "/api/bookings/\(seatID)", token: eve)
            #expect(evesSeat.string("start") == "2026-11-24T14:00" && evesSeat.object["stationId"] as? Int == 2)
            #expect(try await client.book(t.dan, start: "2026-11-24T11:00").status == .created, "11:00 is free again")

            // The partner leaves: the booker's session stands and they are told.
            #expect(try await client.call(.post, "/api/bookings/\(seatID)/cancel", token: eve).status == .ok)
            #expect(try await client.call(.get, "/api/bookings/\(id)", token: t.cleo).string("status") == "booked")
            #expect(await studio.mailbox.next(to: "eve@test.example", containing: "Your session has moved") != nil)
            #expect(await studio.mailbox.next(to: "cleo@test.example", containing: "Eve Partner cancelled") != nil)
        }
    }

    @Test(
        "a new address replaces the link; the booker cancels both; an open seat cannot start",
        arguments: TestStore.available)
    func openSeat(store: TestStore) async throws {
        try await TestStudio.run(store) { studio, client in
            let t = try await client.tokens()
            let booked = try await client.call(
                .post, "/api/bookings", token: t.cleo,
                json: [
                    "program": "total-back", "minutes": 30, "start": "2026-11-24T10:00", "stationId": 1,
                    "partnerEmail": "typo@test.example",
                ])
            #expect(booked.status == .created, "\(booked.detail)")
            let id = try #require(booked.string("id"))
            let seatID = try #require((booked.object["couple"] as? [String: Any])?["otherBookingId"] as? String)
            let first = try #require(await studio.mailbox.next(to: "typo@test.example")?.token)
            let resent = try await client.call(
                .put, "/api/bookings/\(id)/partner", token: t.cleo, json: ["partnerEmail": "dan@test.example"])
            #expect((resent.object["couple"] as? [String: Any])?["invitedEmail"] as? String == "dan@test.example")
            let second = try #require(
                await studio.mailbox.next(to: "dan@test.example", containing: "/join?token=")?.token)
            let old = try await client.call(.post, "/api/me/partner-seats", token: t.dan, json: ["token": first])
            #expect(old.isProblem(.unprocessableContent), "the first link stopped working: \(old.detail)")
            #expect(
                try await client.call(.post, "/api/me/partner-seats", token: t.dan, json: ["token": second]).status
                    == .ok)
            // Cancelled by the booker: both seats, and the partner is told.
            #expect(try await client.call(.post, "/api/bookings/\(id)/cancel", token: t.cleo).status == .ok)
            #expect(
                try await client.call(.get, "/api/bookings/\(seatID)", token: t.dan).string("status") == "cancelled")
            #expect(await studio.mailbox.next(to: "dan@test.example", containing: "Your session is cancelled") != nil)

            // A seat still open when the session is due does not start.
            let today = try await client.call(
                .post, "/api/bookings", token: t.cleo,
                json: [
                    "program": "total-back", "minutes": 30, "start": "2026-11-23T10:00",
                    "partnerEmail": "eve@test.example",
                ])
            let open = try #require(
                (today.object["couple"] as? [String: Any])?["otherBookingId"] as? String, "\(today.detail)")
            studio.clock.set(TestStudio.monday.addingTimeInterval(2 * 3_600 - 10 * 60))  // 09:50
            let start = try await client.call(.post, "/api/bookings/\(open)/start", token: t.staff, json: [:])
            #expect(start.isProblem(.unprocessableContent) && start.string("field") == "partner", "\(start.detail)")
        }
    }

    @Test("two couples at once for the last pair: exactly one gets it", arguments: TestStore.available)
    func race(store: TestStore) async throws {
        try await TestStudio.run(store) { studio, client in
            let t = try await client.tokens()
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for (token, partner) in [(t.cleo, "x@test.example"), (t.dan, "y@test.example")] {
                    group.addTask {
                        try await client.call(
                            .post, "/api/bookings", token: token,
                            json: [
                                "program": "total-back", "minutes": 30, "start": "2026-11-24T16:00",
                                "partnerEmail": partner,
                            ]
                        ).status.code
                    }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(statuses.sorted() == [201, 409], "\(statuses)")
            let day = try await client.call(.get, "/api/bookings?from=2026-11-24&to=2026-11-24", token: t.staff).array
            #expect(day.count == 2 && Set(day.compactMap { $0["stationId"] as? Int }) == [1, 2], "\(day)")
        }
    }
}
