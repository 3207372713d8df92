import FluentKit
import Foundation

extension Studio {
    /// One booking as a calendar file.
    public func calendar(_ caller: Caller, booking id: UUID) async throws(StudioError) -> String {
        let row = try await bookingRow(caller, id: id)
        return CalendarFile(name: "Unknot session", events: [event(row)], stamp: clock.now).text
    }

    /// The path of the caller's private calendar feed; anyone with it can read the feed, so it
    /// is shown only to its owner.
    public func calendarFeedPath(_ caller: Caller) async throws(StudioError) -> String {
        let row = try await accountRow(caller.accountID)
        return "/api/calendar/\(row.calendarToken)"
    }

    /// A client's bookings (cancelled ones marked so, for calendars to remove them) as a calendar.
    public func calendarFeed(token: String) async throws(StudioError) -> String {
        let account = try await database.read { db in
            try await AccountRow.query(on: db).filter(\.$calendarToken == token).first()
        }
        guard let account, let id = account.id else {
            throw .notFound("there is no calendar at this address; copy it again from your account page")
        }
        let rows = try await database.read { db in
            try await Self.ownRows(BookingRow.query(on: db).filter(\.$accountID == id)).sort(\.$start).all()
        }
        return CalendarFile(name: "Unknot: \(account.name)", events: rows.map(event), stamp: clock.now).text
    }

    func event(_ row: BookingRow) -> CalendarEvent {
        let start = StudioTime(minutes: row.start)
        let name = catalog.program(id: row.programID)?.name ?? row.programID
        return CalendarEvent(
            uid: "\(row.id?.uuidString.lowercased() ?? "booking")@unknot",
            start: start.instant(in: settings.timeZone),
            end: (start + row.minutes).instant(in: settings.timeZone),
            summary: "\(name), \(row.minutes) min",
            location: "\(settings.address), station \(row.stationID)",
            description: "Unknot massage. Change or cancel it in your account.",
            sequence: row.sequence,
            cancelled: row.status == BookingStatus.cancelled.rawValue)
    }
}
