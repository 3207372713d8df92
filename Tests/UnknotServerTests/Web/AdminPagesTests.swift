import Foundation
import HTTPTypes
import Testing
import UnknotStudio

/// The admin's pages (issue #18): a price and a promo code changed by form, a bad value refused
/// with the reason and nothing changed, and no one but an admin let in.
@Suite("Web: the admin's pages")
struct AdminPagesTests {
    @Test("an admin changes a price and a code by form; clients see the new price; a bad amount changes nothing")
    func priceAndCode() async throws {
        try await TestStudio.run(.sqlite) { _, client in
            let t = try await client.tokens()
            let page = try await client.page("/admin", token: t.admin)
            #expect(page.status == .ok && page.text.contains("id=\"prices\""))
            #expect(page.text.contains("id=\"promo-codes\""))
            // 30 minutes to $59.50.
            var prices = [15: "35.00", 30: "59.50", 45: "75.00", 60: "95.00", 90: "135.00"].map {
                ("price-\($0.key)", $0.value)
            }
            let saved = try await client.form("/admin/prices", token: t.admin, prices)
            #expect(saved.status == .seeOther, "\(saved.status) \(saved.text.prefix(300))")
            let quote = try await client.page("/book?program=total-back&minutes=30&date=2026-11-24", token: t.cleo)
            #expect(quote.text.contains("$59.50"))
            // A bad amount: the reason, and the prices as they were.
            prices = prices.map { $0.0 == "price-30" ? ($0.0, "lots") : $0 }
            let refused = try await client.form("/admin/prices", token: t.admin, prices)
            #expect(refused.status == .unprocessableContent && refused.text.contains("is not an amount"))
            #expect(try await client.page("/admin", token: t.admin).text.contains("value=\"59.50\""))
            // A new code, then switched off.
            let made = try await client.form(
                "/admin/promo-codes", token: t.admin,
                [("code", "spring"), ("amount", "5"), ("minimumMinutes", "30"), ("oncePerClient", "on")])
            #expect(made.status == .seeOther, "\(made.text.prefix(300))")
            let codes = try await client.call(.get, "/api/promo-codes", token: t.admin).array
            #expect(codes.contains { $0["code"] as? String == "SPRING" && $0["active"] as? Bool == true })
            let off = try await client.form("/admin/promo-codes/SPRING", token: t.admin, [("totalUses", "10")])
            #expect(off.status == .seeOther)
            let after = try await client.call(.get, "/api/promo-codes", token: t.admin).array
            #expect(after.contains { $0["code"] as? String == "SPRING" && $0["active"] as? Bool == false })
        }
    }

    @Test("an admin sets a station's hours and cleaning time and adds a station; bad hours change nothing")
    func stationHours() async throws {
        try await TestStudio.run(.sqlite) { _, client in
            let t = try await client.tokens()
            let page = try await client.page("/admin", token: t.admin).text
            #expect(page.contains("id=\"station-hours-1-0\" name=\"hours-0\" value=\"09:00-20:00\""), "\(page)")
            // Station 1: Tuesdays with a lunch break, closed on Sundays, 15 minutes of cleaning.
            var fields = [("name", "Station 1"), ("status", "in-service"), ("cleaningBuffer", "15")]
            let week = [
                "09:00-20:00", "09:00-13:00, 14:00-20:00", "09:00-20:00", "09:00-20:00", "09:00-20:00",
                "10:00-16:00", "",
            ]
            fields += week.enumerated().map { ("hours-\($0.offset)", $0.element) }
            let saved = try await client.form("/admin/stations/1", token: t.admin, fields)
            #expect(saved.status == .seeOther, "\(saved.status) \(saved.text.prefix(400))")
            let slots =
                try await client.call(
                    .get, "/api/availability?program=total-back&minutes=30&from=2026-11-24&to=2026-11-24", token: t.cleo
                ).object["slots"] as? [[String: Any]] ?? []
            let lunch = slots.filter {
                $0["stationId"] as? Int == 1 && ($0["start"] as? String)?.contains("T13:") == true
            }
            #expect(lunch.isEmpty, "no start at 13:xx on station 1 on Tuesdays: \(lunch)")
            let stations = try await client.call(.get, "/api/stations", token: t.admin).array
            #expect(stations.first { $0["id"] as? Int == 1 }?["cleaningBufferMinutes"] as? Int == 15, "\(stations)")
            // A range that is not one: the reason, and the hours as they were.
            fields = fields.map { $0.0 == "hours-2" ? ($0.0, "9 to 5") : $0 }
            let refused = try await client.form("/admin/stations/1", token: t.admin, fields)
            #expect(refused.status == .unprocessableContent && refused.text.contains("is not an opening range"))
            #expect(try await client.page("/admin", token: t.admin).text.contains("value=\"09:00-13:00, 14:00-20:00\""))
            // A third station.
            let added = try await client.form("/admin/stations", token: t.admin, [("name", "Station 3")])
            #expect(added.status == .seeOther, "\(added.text.prefix(300))")
            #expect(try await client.call(.get, "/api/stations", token: t.admin).array.count == 3)
        }
    }

    @Test("a code's page lists who used it on which session; a cancelled booking gives its use back")
    func redemptions() async throws {
        try await TestStudio.run(.sqlite) { _, client in
            let t = try await client.tokens()
            try await client.addBlogCode(admin: t.admin)
            let booked = try await client.book(t.cleo, start: "2026-11-24T10:00", code: "BLOG")
            #expect(booked.status == .created, "\(booked.detail)")
            _ = try await client.book(t.dan, start: "2026-11-24T11:00", code: "BLOG")
            let admin = try await client.page("/admin", token: t.admin).text
            #expect(admin.contains("href=\"/admin/promo-codes/BLOG\""), "the uses link to the code's page")
            let page = try await client.page("/admin/promo-codes/blog", token: t.admin)
            #expect(page.status == .ok, "\(page.status)")
            #expect(page.text.contains("Tuesday 24 November, 10:00</td><td>Cleo Client"), "\(page.text)")
            #expect(page.text.contains("Dan Client") && page.text.contains("$10.00"))
            let id = try #require(booked.string("id"))
            #expect(try await client.call(.post, "/api/bookings/\(id)/cancel", token: t.cleo).status == .ok)
            #expect(try await !client.page("/admin/promo-codes/BLOG", token: t.admin).text.contains("Cleo Client"))
            #expect(try await client.page("/admin/promo-codes/BLOG", token: t.staff).status == .forbidden)
            #expect(try await client.page("/admin/promo-codes/NOPE", token: t.admin).status == .notFound)
        }
    }

    @Test("staff and clients are kept out of the admin pages")
    func onlyAdmins() async throws {
        try await TestStudio.run(.sqlite) { _, client in
            let t = try await client.tokens()
            #expect(try await client.page("/admin", token: t.staff).status == .forbidden)
            #expect(try await client.page("/admin", token: t.cleo).status == .forbidden)
            #expect(try await client.form("/admin/prices", token: t.staff, [("price-30", "1")]).status == .forbidden)
            #expect(try await client.page("/admin", token: nil).location == "/sign-in?next=/admin")
        }
    }
}
