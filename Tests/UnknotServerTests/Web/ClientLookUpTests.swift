import Foundation
import HTTPTypes
import Testing

/// Client look-up for staff (issue #18): found by name or e-mail, their sessions, and their care
/// plan only when they allowed staff to see it.
@Suite("Web: client look-up")
struct ClientLookUpTests {
    @Test("staff find a client and see their sessions; the care plan only with the client's leave")
    func lookUp() async throws {
        try await TestStudio.run(.sqlite) { _, client in
            let t = try await client.tokens()
            #expect(try await client.book(t.cleo, start: "2026-11-26T10:00", station: 1).status == .created)
            let found = try await client.page("/staff/clients?q=CLEO", token: t.staff)
            #expect(found.status == .ok && found.text.contains("Cleo Client"))
            #expect(!found.text.contains("Dan Client"))
            let link = try #require(found.text.components(separatedBy: "href=\"/staff/clients/").dropFirst().first)
            let id = String(link.prefix(36))
            let card = try await client.page("/staff/clients/\(id)", token: t.staff)
            #expect(card.text.contains("Thursday 26 November, 10:00") && card.text.contains("cleo@test.example"))
            #expect(card.text.contains("id=\"plan-hidden\""), "no leave given: no care plan")
            // Cleo lets staff be told: her plan shows (without health answers).
            let plan: [String: Any] = ["schemaVersion": 1, "staffMayBeAlerted": true, "focusAreas": ["calves"]]
            let saved = try await client.call(.put, "/api/me/care-plan", token: t.cleo, json: plan)
            #expect([.ok, .created].contains(saved.status), "\(saved.detail)")
            let shown = try await client.page("/staff/clients/\(id)", token: t.staff)
            #expect(shown.text.contains("id=\"client-care-card\"") && shown.text.contains("calves"))
            #expect(try await client.page("/staff/clients?q=cl", token: t.cleo).status == .forbidden)
            #expect(try await client.page("/staff/clients?q=c", token: t.staff).text.contains("at least 2 letters"))
        }
    }
}

extension ClientLookUpTests {
    @Test("staff book for a client: the client's rules apply and the client gets the e-mail")
    func bookOnBehalf() async throws {
        try await TestStudio.run(.sqlite) { studio, client in
            let t = try await client.tokens()
            let found = try await client.page("/staff/clients?q=dan", token: t.staff)
            let id = try #require(
                found.text.components(separatedBy: "href=\"/staff/clients/").dropFirst().first?.prefix(36))
            let booked = try await client.form(
                "/staff/clients/\(id)/book", token: t.staff,
                [("program", "total-back"), ("minutes", "30"), ("date", "2026-11-25"), ("time", "11:00")])
            #expect(booked.status == .seeOther, "\(booked.status) \(booked.text.prefix(300))")
            let mail = try #require(await studio.mailbox.next(to: "dan@test.example"))
            #expect(mail.text.contains("You are booked"))
            // The same time again overlaps Dan's own session: refused with why, at the form.
            let again = try await client.form(
                "/staff/clients/\(id)/book", token: t.staff,
                [("program", "total-back"), ("minutes", "30"), ("date", "2026-11-25"), ("time", "11:00")])
            #expect(again.status == .unprocessableContent && again.text.contains("You already have a session then"))
            // A client cannot book for another.
            #expect(try await client.form("/staff/clients/\(id)/book", token: t.cleo).status == .forbidden)
        }
    }
}
