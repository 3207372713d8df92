import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// Issue #18: the client is told by e-mail, with the session's calendar file, when a booking is
/// made, moved or cancelled; a refused change sends nothing.
@Suite("Mail: bookings told by e-mail")
struct BookingMailTests {
    /// The `.ics` attachment of a message, decoded.
    static func calendar(_ mail: TestMailbox.Mail) -> String? {
        guard let part = mail.message.components(separatedBy: "filename=\"session.ics\"\r\n\r\n").last,
            part != mail.message
        else { return nil }
        let base64 = part.components(separatedBy: "\r\n--").first?.replacingOccurrences(of: "\r\n", with: "") ?? ""
        return Data(base64Encoded: base64).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test(
        "Booked, moved, cancelled: three mails, each with the calendar file the calendar needs",
        arguments: TestStore.available)
    func lifecycle(store: TestStore) async throws {
        try await TestStudio.run(store) { studio, client in
            let cleo = try await client.signIn("cleo@test.example")
            let booked = try await client.book(cleo, start: "\(TestStudio.day(after: 1))T10:00", station: 1)
            #expect(booked.status == .created, "\(booked.detail)")
            let id = try #require(booked.string("id"))
            let confirmation = try #require(await studio.mailbox.next(to: "cleo@test.example"))
            #expect(confirmation.message.contains("Subject: Booked: Total Back"), "\(confirmation.message.prefix(600))")
            #expect(confirmation.text.contains("Tuesday 24 November 2026 at 10:00, Station 1"), "\(confirmation.text)")
            #expect(confirmation.text.contains("/bookings/\(id)"))
            let first = try #require(Self.calendar(confirmation))
            #expect(first.contains("UID:\(id)@unknot") && first.contains("SEQUENCE:0"), "\(first)")

            let moved = try await client.call(
                .post, "/api/bookings/\(id)/reschedule", token: cleo,
                json: ["start": "\(TestStudio.day(after: 1))T12:00"])
            #expect(moved.status == .ok, "\(moved.detail)")
            let move = try #require(await studio.mailbox.next(to: "cleo@test.example"))
            #expect(move.message.contains("Subject: Moved:") && move.text.contains("at 12:00"))
            #expect(Self.calendar(move)?.contains("SEQUENCE:1") == true)

            let cancelled = try await client.call(
                .post, "/api/bookings/\(id)/cancel", token: cleo, json: [String: Any]())
            #expect(cancelled.status == .ok, "\(cancelled.detail)")
            let cancel = try #require(await studio.mailbox.next(to: "cleo@test.example"))
            #expect(cancel.message.contains("Subject: Cancelled:"))
            let last = try #require(Self.calendar(cancel))
            #expect(last.contains("STATUS:CANCELLED") && last.contains("SEQUENCE:2"), "\(last)")
        }
    }

    @Test("A booking refused (the slot taken) sends nothing; the one that got the slot, one mail")
    func refusedSendsNothing() async throws {
        try await TestStudio.run(.sqlite) { studio, client in
            let (_, _, cleo, dan) = try await client.tokens()
            let start = "\(TestStudio.day(after: 1))T10:00"
            #expect(try await client.book(cleo, start: start, station: 1).status == .created)
            let refused = try await client.book(dan, start: start, station: 1)
            #expect(refused.isProblem(.conflict), "\(refused.detail)")
            #expect(await studio.mailbox.next(to: "cleo@test.example") != nil)
            #expect(await studio.mailbox.next(to: "dan@test.example", within: .milliseconds(500)) == nil)
        }
    }
}
