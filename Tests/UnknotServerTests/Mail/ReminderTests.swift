import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
import UnknotServer

/// Issue #18: a reminder the day before a session, once per booking and start.
@Suite("Mail: reminders the day before")
struct ReminderTests {
    @Test("Reminded once, 24 hours before; a moved session again for its new time; a cancelled one never")
    func onceADay() async throws {
        try await TestStudio.run(.sqlite) { studio, client in
            let (_, _, cleo, dan) = try await client.tokens()
            // Monday 08:00: Cleo books Tuesday 10:00, Dan Tuesday 11:00 (then cancels).
            let booked = try await client.book(cleo, start: "\(TestStudio.day(after: 1))T10:00", station: 1)
            let id = try #require(booked.string("id"))
            let other = try await client.book(dan, start: "\(TestStudio.day(after: 1))T11:00", station: 2)
            let otherID = try #require(other.string("id"))
            _ = try await client.call(.post, "/api/bookings/\(otherID)/cancel", token: dan, json: [String: Any]())
            let settings = try await TestStudio.openStudio(studio)
            defer { Task { await settings.database.shutdown() } }
            studio.clock.advance(minutes: 119)  // Monday 09:59
            #expect(try await settings.queueReminders() == 0)
            studio.clock.advance(minutes: 1)  // Monday 10:00: 24 hours before
            #expect(try await settings.queueReminders() == 1)
            #expect(try await settings.queueReminders() == 0, "once")
            await MailDelivery(studio: settings, transport: studio.mailbox, logger: TestStudio.logger).deliverDue()
            // The app's own delivery may hold it a moment: wait for it rather than count at once.
            let reminder = try #require(await Self.nextReminder(studio, to: "cleo@test.example"))
            #expect(reminder.text.contains("Tuesday 24 November 2026 at 10:00"), "\(reminder.text)")
            #expect(reminder.text.contains("/today"), "the reminder asks how one is on the day: \(reminder.text)")
            // Moved to 12:00: a reminder for the new time.
            let moved = try await client.call(
                .post, "/api/bookings/\(id)/reschedule", token: cleo,
                json: ["start": "\(TestStudio.day(after: 1))T12:00"])
            #expect(moved.status == .ok, "\(moved.detail)")
            studio.clock.advance(minutes: 120)
            #expect(try await settings.queueReminders() == 1)
            await MailDelivery(studio: settings, transport: studio.mailbox, logger: TestStudio.logger).deliverDue()
            let again = try #require(await Self.nextReminder(studio, to: "cleo@test.example"))
            #expect(again.text.contains("at 12:00"), "\(again.text)")
            #expect(await studio.mailbox.all.filter { $0.message.contains("Subject: Reminder:") }.count == 2)
            #expect(
                await studio.mailbox.all.allSatisfy {
                    !$0.message.contains("Subject: Reminder:") || $0.recipient == "cleo@test.example"
                }, "none for the cancelled one")
        }
    }

    /// The next reminder mailed to `address` (other mails to it passed over), waiting for it.
    static func nextReminder(_ studio: TestStudio, to address: String) async -> TestMailbox.Mail? {
        while let mail = await studio.mailbox.next(to: address) {
            if mail.message.contains("Subject: Reminder:") { return mail }
        }
        return nil
    }

    @Test("A session booked less than 12 hours ahead gets its confirmation and no reminder")
    func lateBooking() async throws {
        try await TestStudio.run(.sqlite) { studio, client in
            let cleo = try await client.signIn("cleo@test.example")
            #expect(
                try await client.book(cleo, start: "\(TestStudio.day(after: 0))T18:00", station: 1).status == .created)
            let other = try await TestStudio.openStudio(studio)
            defer { Task { await other.database.shutdown() } }
            #expect(try await other.queueReminders() == 0)
        }
    }
}
