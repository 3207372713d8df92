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
