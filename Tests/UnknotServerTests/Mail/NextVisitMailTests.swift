import Foundation
import HTTPTypes
import Testing

/// After a finished session the client is thanked and told when to come back, with a link to
/// that day's free times (issue #18); once per session, and not when a session is booked already.
@Suite("Mail: the next visit")
struct NextVisitMailTests {
    @Test("a completed session mails the next visit once; a resent record sends nothing more")
    func nextVisit() async throws {
        let record = try RecordedSession.make(program: "neck-jaw-shoulders")
        try await TestStudio.run(.sqlite) { studio, client in
            let t = try await client.tokens()
            let booked = try await client.book(t.cleo, program: "neck-jaw-shoulders", start: "2026-11-24T10:00")
            let id = try #require(booked.string("id"), "\(booked.detail)")
            studio.clock.set(TestStudio.monday.addingTimeInterval(86_400 + 115 * 60))  // Tuesday 09:55
            try await client.answerToday(id, token: t.staff)
            #expect(try await client.call(.post, "/api/bookings/\(id)/start", token: t.staff).status == .ok)
            #expect(try await RecordAPITests.upload(client, id, token: t.staff, record).status == .created)
            var subjects: [String] = []
            while let mail = await studio.mailbox.next(to: "cleo@test.example", within: .seconds(5)) {
                subjects.append(mail.message.components(separatedBy: "\r\n").first { $0.hasPrefix("Subject:") } ?? "")
                if mail.text.contains("we suggest your next visit around") {
                    #expect(
                        mail.text.contains("/book?program=neck-jaw-shoulders&minutes=30&date=2026-12-22"),
                        "\(mail.text)")
                    break
                }
            }
            #expect(subjects.last?.contains("Your next visit") == true, "\(subjects)")
            // The same record again: no second mail.
            #expect(try await RecordAPITests.upload(client, id, token: t.staff, record).status == .created)
            #expect(await studio.mailbox.next(to: "cleo@test.example", within: .seconds(2)) == nil)
        }
    }
}
