import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// The pages without a browser: what the forms save, what they refuse, and who may see what.
@Suite("Web: pages and forms")
struct WebPagesTests {
    static func cookieToken(_ reply: Reply) -> String? {
        guard let cookie = reply.headers[.setCookie], cookie.hasPrefix("unknot_session=") else { return nil }
        return cookie.dropFirst("unknot_session=".count).split(separator: ";").first.map(String.init)
    }

    @Test(
        "sign up by form, then the e-mail's link and its button sign in with the cookie and lead to the care plan; a bad form says what was wrong"
    )
    func signUp() async throws {
        try await TestStudio.run(.sqlite) { studio, client in
            let short = try await client.form(
                "/sign-up", token: nil, [("name", "Eve"), ("email", "eve@test.example"), ("password", "short")])
            #expect(short.status == .unprocessableContent)
            #expect(short.text.contains("id=\"sign-up-error\"") && short.text.contains("password"))
            #expect(short.text.contains("value=\"eve@test.example\""), "what was typed is kept")
            let sent = try await client.form(
                "/sign-up", token: nil,
                [("name", "Eve"), ("email", "eve@test.example"), ("password", "a long and calm password")])
            #expect(sent.status == .accepted && sent.text.contains("id=\"sign-up-sent\""), "\(sent.status)")
            #expect(sent.headers[.setCookie] == nil, "no one is signed in before the link is followed")
            let mail = try #require(await studio.mailbox.next(to: "eve@test.example"))
            let link = try #require(mail.token)
            #expect(mail.text.contains("http://127.0.0.1:8080/sign-up/confirm?token=\(link)"), "\(mail.text)")
            let confirm = try await client.page("/sign-up/confirm?token=\(link)", token: nil)
            #expect(confirm.status == .ok && confirm.text.contains("eve@test.example"), "the page names the address")
            #expect(confirm.headers[.setCookie] == nil, "opening the link alone signs no one in")
            let made = try await client.form("/sign-up/confirm", token: nil, [("token", link)])
            #expect(made.status == .seeOther && made.location == "/care-plan?welcome=1", "\(made.status)")
            let token = try #require(Self.cookieToken(made))
            let page = try await client.page("/care-plan?welcome=1", token: token)
            #expect(page.status == .ok && page.text.contains("id=\"care-map\"") && page.text.contains("Welcome"))
            #expect(page.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
            // Signed out, a page sends to the sign-in with the way back.
            let anonymous = try await client.page("/care-plan", token: nil)
            #expect(anonymous.status == .seeOther && anonymous.location == "/sign-in?next=/care-plan")
            let wrong = try await client.form(
                "/sign-in", token: nil, [("email", "eve@test.example"), ("password", "not the password at all")])
            #expect(wrong.status == .unauthorized && wrong.text.contains("sign-in-error"))
            let back = try await client.form(
                "/sign-in", token: nil,
                [("email", "eve@test.example"), ("password", "a long and calm password"), ("next", "//evil.example")])
            #expect(back.status == .seeOther && back.location == "/", "only this site's pages are followed")
        }
    }

    @Test("the care plan form saves what the map and fields say, keeps sensitive areas off without consent")
    func carePlanForm() async throws {
        try await TestStudio.run(.sqlite) { _, client in
            let t = try await client.tokens()
            var fields: [(String, String)] = [
                ("level", "4"), ("painLimit", "6"), ("mark-lower-back", "focus"), ("side-lower-back", "both"),
                ("mark-shoulders", "none"), ("side-shoulders", "left"), ("tender-shoulders", "on"),
                ("mark-abdomen", "focus"), ("tender-glutes", "on"), ("mark-calves", "avoid"),
                ("ifICry", "pause-and-offer-tissue"), ("staffMayBeAlerted", "on"), ("stationMayListen", "on"),
                ("music", "none"), ("voicePrompts", "off"), ("bloodThinners", "on"), ("surgery-calves", "last week"),
            ]
            let refused = try await client.form("/care-plan", token: t.cleo, fields)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("is not a date"))
            #expect(
                try await client.call(.get, "/api/me/care-plan", token: t.cleo).status == .notFound, "nothing saved")

            fields.removeAll { $0.0 == "surgery-calves" }
            fields.append(("surgery-calves", "2026-10-01"))
            let saved = try await client.form("/care-plan", token: t.cleo, fields)
            #expect(saved.status == .seeOther && saved.location == "/care-plan?saved=1", "\(saved.text.prefix(300))")
            let plan = try await client.call(.get, "/api/me/care-plan", token: t.cleo).object
            let body = try #require(plan["plan"] as? [String: Any])
            let text = String(describing: body)
            #expect(text.contains("lower-back"))
            #expect(text.contains("left shoulders"), "the tender spot is on the side asked: \(text)")
            #expect(!text.contains("abdomen"), "a sensitive region's focus needs its consent")
            #expect(!text.contains("glutes"), "a sensitive region's tender mark needs its consent")
            #expect(text.contains("calves"))
            #expect(text.contains("pause-and-offer-tissue"))
            #expect(text.contains("2026-10-01"))
            #expect(body["stationMayListen"] as? Bool == true, "the client let the station listen")
            let form = try await client.page("/care-plan", token: t.cleo)
            #expect(form.text.contains("name=\"stationMayListen\" checked"))
            #expect(form.text.contains("never recorded, stored or sent anywhere"))

            let card = try await client.page("/care-plan/card", token: t.cleo)
            #expect(card.text.contains("MASSAGE CARE CARD") && card.text.contains("Pause and offer me a tissue"))
            let json = try await client.page("/care-plan/export.json", token: t.cleo)
            #expect(json.headers[.contentDisposition]?.contains("attachment") == true)
            #expect((try? JSONSerialization.jsonObject(with: json.data)) is [String: Any])
            // Staff have no care plan pages.
            #expect(try await client.page("/care-plan", token: t.staff).location == "/staff")
        }
    }

    @Test(
        "booking by form with BLOG takes $10 off; cancel and move work from the pages", arguments: TestStore.available)
    func bookByForm(store: TestStore) async throws {
        try await TestStudio.run(store) { _, client in
            let t = try await client.tokens()
            try await client.addBlogCode(admin: t.admin)
            let page = try await client.page(
                "/book?program=total-back&minutes=30&date=2026-11-24&code=blog", token: t.cleo)
            #expect(page.status == .ok)
            #expect(page.text.contains("$10.00"), "the quote with the code")
            #expect(page.text.contains("name=\"slot\" value=\"2026-11-24T09:00\""))
            #expect(page.text.contains("2 stations free"), "one button per time, saying how many stations are free")
            let booked = try await client.form(
                "/book", token: t.cleo,
                [("program", "total-back"), ("minutes", "30"), ("code", "blog"), ("slot", "1|2026-11-24T10:00")])
            #expect(booked.status == .seeOther)
            let location = try #require(booked.location)
            let confirmation = try await client.page(location, token: t.cleo)
            #expect(confirmation.text.contains("− $10.00") && confirmation.text.contains("calendar.ics"))
            let id = String(location.dropFirst("/bookings/".count).prefix(36))
            // Someone else takes the next time; the same slot again is refused with a page that says why.
            let again = try await client.form(
                "/book", token: t.dan, [("program", "total-back"), ("minutes", "30"), ("slot", "1|2026-11-24T10:00")])
            #expect(again.status == .conflict)
            // The booking page again, the choice kept and the reason at the top (defect 1: "Back" lost them).
            #expect(
                again.text.contains("id=\"refusal\"") && again.text.contains("Station 1 is not free"), "\(again.text)")
            #expect(again.text.contains("value=\"total-back\" checked") && again.text.contains("Tuesday 24 November"))
            let moved = try await client.form(
                "/bookings/\(id)/move", token: t.cleo, [("slot", "2|2026-11-25T11:00")])
            #expect(moved.status == .seeOther)
            let list = try await client.page("/bookings", token: t.cleo)
            #expect(list.text.contains("Wednesday 25 November, 11:00"))
            // Cancelling asks first (defect 5): the page, then the form.
            let ask = try await client.page("/bookings/\(id)/cancel", token: t.cleo)
            #expect(ask.text.contains("Cancel this booking?") && ask.text.contains("id=\"confirm-cancel\""))
            #expect(!list.text.contains("action=\"/bookings/\(id)/cancel\""), "the list links to the question")
            let cancelled = try await client.form("/bookings/\(id)/cancel", token: t.cleo)
            #expect(cancelled.location == "/bookings?cancelled=1")
            // Another client cannot touch it.
            #expect(try await client.form("/bookings/\(id)/cancel", token: t.dan).status == .notFound)
        }
    }
}
