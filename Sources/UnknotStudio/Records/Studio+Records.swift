import FluentKit
import Foundation
import UnknotCore

extension Studio {
    /// Stores the record of a session (staff: the station's operator). The booking becomes
    /// completed; a second upload replaces the first (a station resending after a dropped line).
    public func storeRecord(_ caller: Caller, booking id: UUID, _ upload: SessionRecordUpload) async throws(StudioError)
        -> SessionRecordView
    {
        try caller.requireStaff()
        let booking = try await bookingRow(caller, id: id)
        guard booking.status != BookingStatus.cancelled.rawValue else {
            throw StudioError(.refused, "the booking was cancelled; a cancelled session has no record")
        }
        guard booking.status != BookingStatus.booked.rawValue || now.minutes >= booking.start - 30 else {
            throw StudioError(
                .refused,
                "the session has not started yet (it is booked for \(StudioTime(minutes: booking.start).spoken))")
        }
        // The engine's times run from the session start; the booking says when that was.
        let alerts = upload.reactions.map {
            RecordedAlert(
                at: booking.start + $0.milliseconds / 60_000, reaction: $0.reaction, confidence: $0.confidence,
                aboutStation: $0.aboutStation)
        }
        let row = SessionRecordRow()
        row.id = UUID()
        row.bookingID = id
        row.accountID = booking.accountID
        row.record = upload.record
        row.summary = upload.summaryJSON
        row.report = Self.json(upload.report)
        row.alerts = Self.json(alerts)
        row.events = upload.events
        row.complete = upload.complete
        row.receivedAt = clock.now
        row.decisions = "{}"
        row.simulated = upload.simulated
        row.ranOn = upload.ranOn
        let outcome: BookingStatus = upload.complete ? .completed : .interrupted
        let completedNow = try await database.write(conflict: "the record was sent twice at once; send it again") {
            db -> Bool in
            try await SessionRecordRow.query(on: db).filter(\.$bookingID == id).delete()
            try await row.create(on: db)
            guard let booking = try await BookingRow.find(id, on: db) else { return false }
            let first = booking.status != BookingStatus.completed.rawValue
            booking.status = outcome.rawValue
            booking.sequence += 1
            try await booking.update(on: db)
            return first && outcome == .completed
        }
        // Once the session is done, the next visit (with this session counted; nothing when the
        // client has one booked already). Best effort: a failure here loses only the suggestion.
        if completedNow {
            let client = Caller(accountID: booking.accountID, role: .client, name: "")
            if let next = try? await nextVisit(client), let date = next.date {
                try? await database.write { db in
                    try await self.queueNextVisitMail(booking, date: date, reason: next.reason, on: db)
                }
                mailBell.ring()
            }
        }
        return Self.view(row)
    }

    /// A session's record: for its client, or for staff where the client's care plan allows
    /// staff to be alerted (a client can withdraw that at any time).
    public func record(_ caller: Caller, booking id: UUID) async throws(StudioError) -> (SessionRecordView, String) {
        let booking = try await bookingRow(caller, id: id)
        if caller.role.isStaff && booking.accountID != caller.accountID {
            guard try await staffMaySee(account: booking.accountID) else {
                throw .forbidden("the client has not allowed staff to see their sessions")
            }
        }
        let row = try await database.read { db in
            try await SessionRecordRow.query(on: db).filter(\.$bookingID == id).first()
        }
        guard let row else { throw .notFound("there is no record of this session yet") }
        return (Self.view(row), row.record)
    }

    func staffMaySee(account id: UUID) async throws(StudioError) -> Bool {
        try await currentCarePlan(account: id)?.plan.staffMayBeAlerted ?? false
    }

    /// Reactions from sessions on the days `from` through `to`, only of clients who allow staff
    /// to be alerted, and station faults of any session (staff).
    public func alerts(_ caller: Caller, from: String, to: String) async throws(StudioError) -> [AlertView] {
        try caller.requireStaff()
        let bookings = try await bookings(caller, from: from, to: to)
        let ids = bookings.filter(\.hasRecord).map(\.id)
        guard !ids.isEmpty else { return [] }
        let rows = try await database.read { db in
            try await SessionRecordRow.query(on: db).filter(\.$bookingID ~~ ids).field(\.$id).field(\.$bookingID)
                .field(\.$accountID).field(\.$alerts).all()
        }
        var allowed: [UUID: Bool] = [:]
        var alerts: [AlertView] = []
        for row in rows {
            if allowed[row.accountID] == nil { allowed[row.accountID] = try await staffMaySee(account: row.accountID) }
            guard let booking = bookings.first(where: { $0.id == row.bookingID }) else { continue }
            for alert in Self.decode([RecordedAlert].self, row.alerts) ?? []
            where alert.aboutStation || allowed[row.accountID] == true {
                alerts.append(
                    AlertView(
                        bookingID: booking.id, stationID: booking.stationID, clientName: booking.clientName ?? "",
                        at: StudioTime(minutes: alert.at), reaction: alert.reaction, confidence: alert.confidence))
            }
        }
        return alerts.sorted { ($0.at, $0.stationID) < ($1.at, $1.stationID) }
    }

    static func view(_ row: SessionRecordRow) -> SessionRecordView {
        SessionRecordView(
            bookingID: row.bookingID, receivedAt: row.receivedAt, events: row.events, complete: row.complete,
            summaryJSON: row.summary, report: decode([String].self, row.report) ?? [],
            feedbackRating: row.feedbackRating, feedbackComment: row.feedbackComment,
            decisions: decode([String: SuggestionDecision].self, row.decisions) ?? [:], simulated: row.simulated,
            ranOn: row.ranOn)
    }

    /// A page of the caller's own session records (what is kept of each, not the record file),
    /// oldest first: at most `limit` after the first `offset`, and whether more remain. The record
    /// files themselves are not read.
    public func myRecords(
        _ caller: Caller, limit: Int, offset: Int
    ) async throws(StudioError) -> (records: [SessionRecordView], more: Bool) {
        let id = caller.accountID
        let limit = min(max(1, limit), 200)
        let offset = max(0, offset)
        let page = try await database.read { db in
            try await SessionRecordRow.query(on: db).filter(\.$accountID == id)
                .field(\.$id).field(\.$bookingID).field(\.$accountID).field(\.$summary).field(\.$report)
                .field(\.$events).field(\.$complete).field(\.$receivedAt).field(\.$feedbackRating)
                .field(\.$feedbackComment).field(\.$decisions).field(\.$simulated).field(\.$ranOn)
                .sort(\.$receivedAt).sort(\.$id).page(limit: limit, offset: offset)
        }
        return (page.rows.map(Self.view), page.more)
    }

    /// Thanks the client for a finished session and suggests the next visit, with a link to book it.
    func queueNextVisitMail(_ booking: BookingRow, date: CalendarDate, reason: String, on db: any Database)
        async throws
    {
        guard let account = try await AccountRow.find(booking.accountID, on: db) else { return }
        let recipient: MailAddress
        do { recipient = try MailAddress(account.email, name: account.name) } catch { return }
        let day = StudioTime.spokenDay(date)
        let sentence = reason.prefix(1).uppercased() + reason.dropFirst()
        let text = """
            Hello \(account.name),

            Thank you for coming. Your session's report is at \
            \(settings.publicURL)/sessions/\(booking.id?.uuidString.lowercased() ?? "")/report

            \(sentence): we suggest your next visit around \(day). Free times that day:
            \(settings.publicURL)/book?program=\(booking.programID)&minutes=\(booking.minutes)&date=\(date.description)

            \(settings.studioName)
            \(settings.address)
            """
        let message = try studioMail(to: recipient, subject: "Your next visit: around \(day)", text: text)
        try await queueMail(message, kind: .nextVisit, on: db)
    }
}
