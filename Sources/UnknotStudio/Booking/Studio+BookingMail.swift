import FluentKit
import Foundation

extension Studio {
    /// Puts the client's e-mail about `row` in the outbox, in the transaction `db` of the change:
    /// a confirmation or a move with the session's calendar file (the same `UID`, a higher
    /// `SEQUENCE`, so a calendar updates its entry), a cancellation with the file that removes it.
    func queueBookingMail(_ kind: MailKind, _ row: BookingRow, on db: any Database) async throws {
        guard let account = try await AccountRow.find(row.accountID, on: db), let id = row.id else { return }
        let recipient: MailAddress
        do { recipient = try MailAddress(account.email, name: account.name) } catch { return }
        let program = catalog.program(id: row.programID)?.name ?? row.programID
        let start = StudioTime(minutes: row.start)
        let when = Self.mailDate(start.instant(in: settings.timeZone), in: settings.timeZone)
        let what = "\(program), \(row.minutes) minutes, \(when), Station \(row.stationID)"
        let page = "\(settings.publicURL)/bookings/\(id.uuidString.lowercased())"
        let price = Money(cents: row.priceCents - row.discountCents)
        let policy = settings.rules.cancelCutOff / 60
        let subject: String
        let lead: String
        switch kind {
        case .bookingConfirmed:
            subject = "Booked: \(program) \(when)"
            lead = "You are booked: \(what). The price is \(price)\(row.promoCode.map { " with \($0)" } ?? "")."
        case .bookingMoved:
            subject = "Moved: \(program) now \(when)"
            lead = "Your session has moved: \(what)."
        case .bookingReminder:
            subject = "Reminder: \(program) \(when)"
            lead =
                "A reminder of your session: \(what). Come a few minutes early. Before you come, tell us "
                + "how you are today (four questions): \(page)/today"
        default:
            subject = "Cancelled: \(program) \(when)"
            lead = "Your session is cancelled: \(what). Nothing is charged for it."
        }
        let text = """
            Hello \(account.name),

            \(lead)

            See it, move it or cancel it: \(page)
            You can cancel until \(policy) hours before the start. The calendar file is attached: \
            open it to put the session in your calendar (or update it there).

            \(settings.studioName)
            \(settings.address)
            """
        let calendar = CalendarFile(name: "Unknot session", events: [event(row)], stamp: clock.now).text
        let sender = try MailAddress(settings.mailFrom, name: settings.studioName)
        let message = try MailMessage(
            from: sender, to: recipient, subject: subject, text: text,
            attachments: [
                .init(
                    filename: "session.ics", contentType: "text/calendar; charset=utf-8; method=PUBLISH",
                    data: Data(calendar.utf8))
            ], date: clock.now)
        try await queueMail(message, kind: kind, on: db)
    }

    /// Puts a reminder in the outbox for every booked session starting within
    /// `settings.reminderAhead` that was booked at least 12 hours before its start (a session
    /// booked later had its confirmation just now) and has none for its start yet; once per
    /// booking and start, whatever the number of servers (a unique row decides). Returns how many.
    @discardableResult
    public func queueReminders() async throws(StudioError) -> Int {
        let now = self.now
        let horizon = now.minutes + Int(settings.reminderAhead / 60)
        let due = try await database.read { db in
            try await BookingRow.query(on: db).filter(\.$status == BookingStatus.booked.rawValue)
                .filter(\.$start > now.minutes).filter(\.$start <= horizon).all()
        }
        var queued = 0
        // A seat kept open for a partner is nobody's to be reminded of (its booker has their own).
        for row in due where row.coupleSeat != CoupleSeat.open.rawValue {
            guard let id = row.id else { continue }
            let start = StudioTime(minutes: row.start).instant(in: settings.timeZone)
            guard start.timeIntervalSince(row.createdAt) >= 12 * 3600 else { continue }
            let reminded = try await database.read { db in
                try await BookingReminderRow.query(on: db).filter(\.$bookingID == id).filter(\.$start == row.start)
                    .count() > 0
            }
            guard !reminded else { continue }
            let mark = BookingReminderRow(bookingID: id, start: row.start, queuedAt: clock.now)
            do throws(StudioError) {
                try await database.write { db in
                    try await mark.create(on: db)
                    try await self.queueBookingMail(.bookingReminder, row, on: db)
                }
                queued += 1
            } catch  where error.kind == .conflict {
                continue  // another server reminded it a moment ago
            }
        }
        if queued > 0 { mailBell.ring() }
        return queued
    }

    /// `Tuesday 24 November 2026 at 10:00`, in the studio's time zone.
    static func mailDate(_ date: Date, in zone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = zone
        formatter.dateFormat = "EEEE d MMMM yyyy 'at' HH:mm"
        return formatter.string(from: date)
    }
}
