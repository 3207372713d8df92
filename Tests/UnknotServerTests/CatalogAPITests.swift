import Foundation
import HTTPTypes
import Testing

@Suite("API: programs, prices, promo codes, quotes")
struct CatalogAPITests {
    @Test("anyone reads programs and prices; only an admin changes them", arguments: TestStore.available)
    func programsAndPrices(store: TestStore) async throws {
        try await TestStudio.run(store) { _, client in
            let t = try await client.tokens()
            let programs = try await client.call(.get, "/api/programs")
            #expect(programs.status == .ok)
            let ids = programs.array.compactMap { $0["id"] as? String }
            #expect(ids.contains("total-back"))
            let prices = try await client.call(.get, "/api/prices")
            #expect(prices.array.first { $0["minutes"] as? Int == 30 }?["cents"] as? Int == 5500)

            let withdraw: [String: Any] = ["bookable": false]
            #expect(
                try await client.call(.patch, "/api/programs/full-body", token: t.staff, json: withdraw)
                    .isProblem(.forbidden))
            let changed = try await client.call(.patch, "/api/programs/full-body", token: t.admin, json: withdraw)
            #expect(changed.status == .ok)
            #expect(changed.object["bookable"] as? Bool == false)
            let search = try await client.call(
                .get, "/api/availability?program=full-body&minutes=60&from=2026-11-24&to=2026-11-24")
            #expect(search.isProblem(.unprocessableContent, field: "program"), "\(search.detail)")
            #expect(
                try await client.call(.patch, "/api/programs/no-such", token: t.admin, json: withdraw)
                    .isProblem(.notFound))

            let newPrices: [[String: Any]] = [15, 30, 45, 60, 90].map { ["minutes": $0, "cents": $0 * 200] }
            #expect(try await client.call(.put, "/api/prices", token: t.cleo, json: newPrices).isProblem(.forbidden))
            let put = try await client.call(.put, "/api/prices", token: t.admin, json: newPrices)
            #expect(put.status == .ok, "\(put.detail)")
            #expect(put.array.first { $0["minutes"] as? Int == 60 }?["cents"] as? Int == 12_000)
            // A bookable length without a price is refused and the list stays.
            let partial = try await client.call(
                .put, "/api/prices", token: t.admin, json: [["minutes": 30, "cents": 100]])
            #expect(partial.isProblem(.unprocessableContent, field: "prices"), "\(partial.detail)")
            let after = try await client.call(.get, "/api/prices")
            #expect(after.array.count == 5)
            let bad = try await client.call(.put, "/api/prices", token: t.admin, json: [["minutes": 20, "cents": 100]])
            #expect(bad.isProblem(.badRequest), "\(bad.detail)")
        }
    }

    @Test("BLOG at its edges: 15 vs 30 minutes, a second session, the express program", arguments: TestStore.available)
    func blogEdges(store: TestStore) async throws {
        try await TestStudio.run(store) { _, client in
            let t = try await client.tokens()
            func quote(_ minutes: Int, _ program: String = "total-back", token: String) async throws -> Reply {
                try await client.call(
                    .post, "/api/quotes", token: token,
                    json: ["program": program, "minutes": minutes, "code": "blog"])
            }
            // The seeded studio has no BLOG yet: the admin adds it as the demo does.
            let blog: [String: Any] = [
                "code": "BLOG", "amountOffCents": 1000, "minimumMinutes": 30, "firstSessionOnly": true,
                "oncePerClient": true,
            ]
            #expect(try await client.call(.post, "/api/promo-codes", token: t.staff, json: blog).isProblem(.forbidden))
            #expect(try await client.call(.post, "/api/promo-codes", token: t.admin, json: blog).status == .created)
            #expect(try await client.call(.post, "/api/promo-codes", token: t.admin, json: blog).isProblem(.conflict))

            // Offer the back program at 15 minutes too, to meet the code's minimum at its edge.
            let lengths = try await client.call(
                .patch, "/api/programs/total-back", token: t.admin, json: ["lengths": [15, 30, 45, 60, 90]])
            #expect(lengths.object["lengths"] as? [Int] == [15, 30, 45, 60, 90], "\(lengths.detail)")
            let fifteen = try await quote(15, token: t.cleo)
            #expect(fifteen.status == .ok, "\(fifteen.detail)")
            #expect(fifteen.object["codeApplied"] as? Bool == false)
            #expect((fifteen.string("codeRefusedBecause") ?? "").contains("30 minutes and up"))
            let thirty = try await quote(30, token: t.cleo)
            #expect(thirty.object["codeApplied"] as? Bool == true)
            #expect(thirty.int("totalCents") == 4500)
            let express = try await quote(15, "express", token: t.cleo)
            #expect(express.object["codeApplied"] as? Bool == false, "\(express.text)")
            #expect((express.string("codeRefusedBecause") ?? "").contains("do not apply"), "\(express.text)")

            // Booked with the code; the second session does not get it.
            let first = try await client.book(t.cleo, start: "2026-11-24T10:00", code: "BLOG")
            #expect(first.status == .created, "\(first.detail)")
            #expect(first.int("totalCents") == 4500)
            let second = try await quote(30, token: t.cleo)
            #expect(second.object["codeApplied"] as? Bool == false)
            #expect((second.string("codeRefusedBecause") ?? "").contains("once per client"), "\(second.text)")
            let refused = try await client.book(t.cleo, start: "2026-11-25T10:00", code: "BLOG")
            #expect(refused.isProblem(.unprocessableContent, field: "code"), "\(refused.detail)")
            // Cancelling the first session gives the code back.
            let id = try #require(first.string("id"))
            #expect(try await client.call(.post, "/api/bookings/\(id)/cancel", token: t.cleo).status == .ok)
            #expect(try await quote(30, token: t.cleo).object["codeApplied"] as? Bool == true)
            let codes = try await client.call(.get, "/api/promo-codes", token: t.admin)
            #expect(codes.array.first { $0["code"] as? String == "BLOG" }?["uses"] as? Int == 0)
        }
    }

    @Test("a code's dates and use limit", arguments: TestStore.available)
    func datesAndLimits(store: TestStore) async throws {
        try await TestStudio.run(store) { studio, client in
            let t = try await client.tokens()
            let code: [String: Any] = [
                "code": "WINTER", "percentOff": 20, "validFrom": "2026-11-23", "validUntil": "2026-11-30",
                "totalUses": 1,
            ]
            #expect(try await client.call(.post, "/api/promo-codes", token: t.admin, json: code).status == .created)
            let backwards = try await client.call(
                .post, "/api/promo-codes", token: t.admin,
                json: ["code": "ODD", "percentOff": 5, "validFrom": "2026-12-02", "validUntil": "2026-12-01"])
            #expect(backwards.isProblem(.unprocessableContent), "\(backwards.detail)")
            let both = try await client.call(
                .post, "/api/promo-codes", token: t.admin, json: ["code": "TWO", "percentOff": 5, "amountOffCents": 5])
            #expect(both.isProblem(.unprocessableContent), "\(both.detail)")

            let quoteBody: [String: Any] = ["program": "total-back", "minutes": 60, "code": "winter"]
            let ok = try await client.call(.post, "/api/quotes", token: t.cleo, json: quoteBody)
            #expect(ok.int("discountCents") == 1900)
            // The last valid day still works; the day after it does not.
            studio.clock.set(TestStudio.monday.addingTimeInterval(7 * 86_400))
            #expect(
                try await client.call(.post, "/api/quotes", token: t.cleo, json: quoteBody).int("discountCents") == 1900
            )
            studio.clock.set(TestStudio.monday.addingTimeInterval(8 * 86_400))
            let expired = try await client.call(.post, "/api/quotes", token: t.cleo, json: quoteBody)
            #expect((expired.string("codeRefusedBecause") ?? "").contains("expired"), "\(expired.text)")
            studio.clock.set(TestStudio.monday)

            // One use in all: Cleo takes it, Dan is told it is used up.
            let used = try await client.book(t.cleo, minutes: 60, start: "2026-11-24T10:00", code: "WINTER")
            #expect(used.status == .created, "\(used.detail)")
            let dan = try await client.call(.post, "/api/quotes", token: t.dan, json: quoteBody)
            #expect((dan.string("codeRefusedBecause") ?? "").contains("used as many times"), "\(dan.text)")
            // The admin raises the limit, or switches it off.
            let raised = try await client.call(
                .patch, "/api/promo-codes/winter", token: t.admin, json: ["totalUses": 2])
            #expect(raised.int("totalUses") == 2)
            #expect(
                try await client.call(.post, "/api/quotes", token: t.dan, json: quoteBody).int("discountCents") == 1900)
            _ = try await client.call(.patch, "/api/promo-codes/WINTER", token: t.admin, json: ["active": false])
            let off = try await client.call(.post, "/api/quotes", token: t.dan, json: quoteBody)
            #expect((off.string("codeRefusedBecause") ?? "").contains("no such code"), "\(off.text)")
            let lower = try await client.call(.patch, "/api/promo-codes/WINTER", token: t.admin, json: ["totalUses": 1])
            #expect(lower.status == .ok)
            #expect(
                try await client.call(.patch, "/api/promo-codes/NOPE", token: t.admin, json: ["active": false])
                    .isProblem(.notFound))
        }
    }
}
