import Foundation
import HTTPTypes
import Testing

/// The day's health questions on the pages (issue #18): the booking asks for them from a day
/// before; a fever ruling the session out offers to cancel past the cut-off; staff asking at the
/// station see the questions blank, whether the client answered, never the answers.
@Suite("Web: the day's questions")
struct DayQuestionsPagesTests {
    @Test("asked from a day before; a fever offers to cancel past the cut-off; staff never see the answers")
    func dayQuestions() async throws {
        try await TestStudio.run(.sqlite) { studio, client in
            let t = try await client.tokens()
            let booked = try await client.book(t.cleo, start: "2026-11-24T10:00")
            let id = try #require(booked.string("id"), "\(booked.detail)")
            // Monday 08:00, 26 hours ahead: not asked yet.
            #expect(try await !client.page("/bookings/\(id)", token: t.cleo).text.contains("id=\"today-note\""))
            studio.clock.set(TestStudio.monday.addingTimeInterval(4 * 3_600))  // Monday 12:00, 22 hours ahead
            let page = try await client.page("/bookings/\(id)", token: t.cleo).text
            #expect(page.contains("id=\"answer-today\""), "\(page)")
            #expect(page.contains("id=\"too-late\""), "past the 24-hour cut-off")
            #expect(!page.contains("/cancel\""), "no cancelling past the cut-off while well")
            let answers = [
                ("fever", "yes"), ("acuteInfection", "no"), ("painMedication", "no"), ("muscleRelaxants", "no"),
            ]
            let saved = try await client.form("/bookings/\(id)/today", token: t.cleo, answers)
            #expect(saved.status == .ok && saved.text.contains("id=\"ruled-out\""), "\(saved.status)")
            #expect(saved.text.contains("Fever: massage can make a fever worse"), "\(saved.text)")
            let after = try await client.page("/bookings/\(id)", token: t.cleo).text
            #expect(after.contains("id=\"today-ruled-out\"") && after.contains("href=\"/bookings/\(id)/cancel\""))
            #expect(!after.contains("id=\"too-late\""), "\(after)")
            let cancelPage = try await client.page("/bookings/\(id)/cancel", token: t.cleo).text
            #expect(cancelPage.contains("id=\"confirm-cancel\""), "\(cancelPage)")
            // Staff at the station: the questions blank, told the client answered; never the answers.
            let staff = try await client.page("/bookings/\(id)/today", token: t.staff).text
            #expect(staff.contains("Ask Cleo Client before the session") && staff.contains("id=\"answered-already\""))
            #expect(!staff.contains("checked"), "staff never see the answers: \(staff)")
            #expect(!staff.contains("ruled-out"))
            // Cancelled, free, whatever the cut-off.
            let cancelled = try await client.form("/bookings/\(id)/cancel", token: t.cleo)
            #expect(cancelled.location == "/bookings?cancelled=1", "\(cancelled.status) \(cancelled.text.prefix(300))")
        }
    }

    @Test("the staff floor says for each session of the day whether the questions are answered, never the answers")
    func floorSaysAnswered() async throws {
        try await TestStudio.run(.sqlite) { _, client in
            let t = try await client.tokens()
            let booked = try await client.book(t.cleo, start: "2026-11-23T10:00")
            let id = try #require(booked.string("id"), "\(booked.detail)")
            let before = try await client.page("/staff", token: t.staff).text
            #expect(before.contains("questions not answered yet"), "\(before)")
            try await client.answerToday(id, token: t.cleo, ["painMedication": true])
            let floor = try await client.page("/staff", token: t.staff).text
            #expect(floor.contains("questions answered") && !floor.contains("not answered yet"), "\(floor)")
            #expect(!floor.contains("pain medication"), "staff never see the answers")
        }
    }

    @Test("a demo asks them too: answered first, kept nowhere; a fever refuses it and nothing starts")
    func demoAsks() async throws {
        try await TestStudio.run(.sqlite, .live) { studio, client in
            let t = try await client.tokens()
            let planBefore = try await client.call(.get, "/api/me/care-plan", token: t.cleo)
            // The front page's button goes to the questions first.
            #expect(try await client.form("/demo", token: t.cleo).location == "/demo/today")
            let page = try await client.page("/demo/today", token: t.cleo).text
            #expect(page.contains("action=\"/demo\"") && page.contains("A demo session, now"), "\(page)")
            let partial = try await client.form("/demo", token: t.cleo, [("fever", "no")])
            #expect(partial.status == .unprocessableContent && partial.text.contains("href=\"#painMedication-yes\""))
            var feverish = TestStudio.allWell
            feverish[0] = ("fever", "yes")
            let refused = try await client.form("/demo", token: t.cleo, feverish)
            #expect(refused.status == .unprocessableContent && refused.text.contains("The demo cannot run today"))
            #expect(try await client.page("/", token: t.cleo).text.contains("/console/") == false, "nothing started")
            let started = try await client.form("/demo", token: t.cleo, TestStudio.allWell)
            #expect(started.location?.hasPrefix("/console/") == true, "\(started.status) \(started.text.prefix(300))")
            // Kept nowhere: the care plan is as it was, byte for byte (here, none: the demo runs on the
            // default one and wrote none; a fever answered "yes" then "no" left no trace), and there is
            // no booking to keep them with. (It searched for `"fever" : true` in what was a 404.)
            let plan = try await client.call(.get, "/api/me/care-plan", token: t.cleo)
            #expect(plan.status == planBefore.status && plan.text == planBefore.text, "\(plan.text)")
            #expect(try await client.call(.get, "/api/me/bookings", token: t.cleo).array.isEmpty)
        }
    }
}
