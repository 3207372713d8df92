import Foundation
import HTTPTypes
import Testing
import UnknotStudio

/// What a visitor sees before an account (issue #18): programs, prices, free times, the studio,
/// its hours and policy; then a review step where they sign up without losing their choice.
@Suite("Web: the front page and the review step")
struct FrontPageTests {
    @Test(
        "a visitor sees the programs with prices, the first-visit offer, the next free times, the hours and the policy")
    func front() async throws {
        try await TestStudio.run(.sqlite) { _, client in
            #expect(try await !client.page("/", token: nil).text.contains("id=\"first-visit\""), "no code, no offer")
            try await client.addBlogCode(admin: try await client.signIn("admin@test.example"))
            let page = try await client.page("/", token: nil)
            #expect(page.status == .ok)
            let text = page.text
            #expect(text.contains("id=\"programs\"") && text.contains("Total Back"))
            #expect(text.contains("30 min · $"), "lengths with their prices")
            #expect(text.contains("id=\"next-times\"") && text.contains("/book/review?program="))
            #expect(text.contains("Monday</th><td>09:00-20:00"), "the hours of the stations in service")
            #expect(text.contains("Cancel online until 24 hours before"))
            #expect(
                text.contains("First visit? $10.00 off your first session of 30 minutes or more with the code BLOG."),
                "the first-visit offer from the studio's codes")
            // The booking page is open to visitors too, with prices.
            let book = try await client.page("/book?program=total-back&minutes=30&date=2026-11-24", token: nil)
            #expect(book.status == .ok && book.text.contains("action=\"/book/review\""), "\(book.status)")
        }
    }

    @Test("the review: a visitor is asked to sign up with the choice kept; a client books with one button")
    func review() async throws {
        try await TestStudio.run(.sqlite) { studio, client in
            let path = "/book/review?program=total-back&minutes=30&code=&slot=2026-11-24T10:00"
            let visitor = try await client.page(path, token: nil)
            #expect(visitor.status == .ok)
            #expect(visitor.text.contains("Tuesday 24 November, 10:00 to 10:30"))
            #expect(visitor.text.contains("id=\"sign-up-to-book\"") && !visitor.text.contains("id=\"confirm-booking\""))
            #expect(visitor.text.contains("name=\"next\" value=\"/book/review?program=total-back&amp;minutes=30"))
            // Signing up there mails a link that comes back to the review.
            let sent = try await client.form(
                "/sign-up", token: nil,
                [
                    ("name", "Vera"), ("email", "vera@test.example"), ("password", "a long and calm password"),
                    ("next", "/book/review?program=total-back&minutes=30&code=&slot=2026-11-24T10:00"),
                ])
            #expect(sent.status == .accepted)
            let mail = try #require(await studio.mailbox.next(to: "vera@test.example"))
            #expect(mail.text.contains("&next=/book/review%3Fprogram%3Dtotal-back%26minutes%3D30"), "\(mail.text)")
            let token = try #require(mail.token)
            let confirmed = try await client.form(
                "/sign-up/confirm", token: nil,
                [("token", token), ("next", "/book/review?program=total-back&minutes=30&code=&slot=2026-11-24T10:00")])
            #expect(confirmed.location == "/book/review?program=total-back&minutes=30&code=&slot=2026-11-24T10:00")
            // A client sees the price, the policy and the button.
            let t = try await client.tokens()
            let mine = try await client.page(path, token: t.cleo)
            #expect(mine.text.contains("id=\"confirm-booking\"") && mine.text.contains("id=\"review-policy\""))
            // A stranger's next is never followed off the site.
            let away = try await client.form(
                "/sign-up/confirm", token: nil, [("token", "nothing"), ("next", "//evil.example/")])
            #expect(away.location == nil)
        }
    }
}
