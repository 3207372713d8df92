import Foundation
import HTTPTypes
import Testing
import UnknotStudio

/// Sessions for two through the pages (issue #18): choosing two, the review with the partner's
/// address (refused ones kept at their field), the invitation's link page, taking the seat.
@Suite("Web: sessions for two")
struct CouplesPagesTests {
    @Test(
        "two side by side: times for two, the review asks the partner's address, the link page gives the seat",
        arguments: TestStore.available)
    func bookForTwo(store: TestStore) async throws {
        try await TestStudio.run(store) { studio, client in
            let t = try await client.tokens()
            #expect(try await client.book(t.dan, start: "2026-11-24T10:00", station: 2).status == .created)
            let book = try await client.page(
                "/book?program=total-back&minutes=30&date=2026-11-24&people=2", token: t.cleo
            ).text
            #expect(book.contains("stations 1 and 2") && book.contains("for each of you"), "\(book)")
            #expect(!book.contains("value=\"2026-11-24T10:00\""), "10:00 has one free station, not two")
            #expect(!book.contains("action=\"/waitlist\""), "the waitlist is for one")
            let slot = "2026-11-24T11:00"
            let review = try await client.page(
                "/book/review?program=total-back&minutes=30&date=2026-11-24&people=2&slot=\(slot)", token: t.cleo
            ).text
            #expect(review.contains("for two") && review.contains("Price (two seats)") && review.contains("$110.00"))
            #expect(review.contains("name=\"partnerEmail\""), "\(review)")
            let fields: [(String, String)] = [
                ("program", "total-back"), ("minutes", "30"), ("code", ""), ("slot", slot), ("people", "2"),
            ]
            // Refused addresses: the review again, the problem at its field, the typed value kept.
            let empty = try await client.form("/book", token: t.cleo, fields + [("partnerEmail", "")])
            #expect(empty.status == .unprocessableContent && empty.text.contains("id=\"partner-problem\""))
            let own = try await client.form("/book", token: t.cleo, fields + [("partnerEmail", "cleo@test.example")])
            #expect(own.text.contains("That is your own address") && own.text.contains("value=\"cleo@test.example\""))
            let booked = try await client.form("/book", token: t.cleo, fields + [("partnerEmail", "eve@test.example")])
            let location = try #require(booked.location, "\(booked.status) \(booked.text.prefix(600))")
            let id = String(location.dropFirst("/bookings/".count).prefix(36))
            let page = try await client.page("/bookings/\(id)", token: t.cleo).text
            #expect(page.contains("the seat beside you (Station 2) is kept for eve@test.example"), "\(page)")
            let calendar = try await client.page("/staff/calendar?date=2026-11-24", token: t.staff).text
            #expect(calendar.contains("seat kept for the partner of Cleo Client (Station 1)"), "\(calendar)")
            #expect(calendar.contains("Cleo Client (for two, with Station 2)"))
            // Another address: a problem at its field, then sent.
            let wrong = try await client.form("/bookings/\(id)/partner", token: t.cleo, [("partnerEmail", "dan@")])
            #expect(wrong.status == .unprocessableContent && wrong.text.contains("id=\"partner-problem\""))
            let sent = try await client.form(
                "/bookings/\(id)/partner", token: t.cleo, [("partnerEmail", "dan@test.example")])
            #expect(sent.location == "/bookings/\(id)?invited=1")
            let mail = try #require(await studio.mailbox.next(to: "dan@test.example", containing: "/join?token="))
            let token = try #require(mail.token)
            // The link's page: a visitor is asked to sign up or in and come back; a client takes the seat.
            let visitor = try await client.page("/join?token=\(token)", token: nil).text
            #expect(
                visitor.contains("Cleo Client</strong> booked a session for two") && visitor.contains("sign-up-to-join")
            )
            let invited = try await client.page("/join?token=\(token)", token: t.dan).text
            #expect(invited.contains("Take my place") && invited.contains("Station 2, beside Cleo Client at Station 1"))
            let taken = try await client.form("/join", token: t.dan, [("token", token)])
            let seat = try #require(taken.location, "\(taken.status) \(taken.text.prefix(600))")
            #expect(seat.hasSuffix("?joined=1"))
            let dans = try await client.page(seat, token: t.dan).text
            #expect(dans.contains("For two, booked by Cleo Client: you at Station 2"), "\(dans)")
            #expect(!dans.contains("/move\""), "the partner does not move the booker's session")
            let used = try await client.page("/join?token=\(token)", token: t.dan)
            #expect(used.status == .unprocessableContent && used.text.contains("not open any more"))
            let cleos = try await client.page("/bookings/\(id)", token: t.cleo).text
            #expect(cleos.contains("Dan Client beside you at Station 2"), "\(cleos)")
        }
    }
}
