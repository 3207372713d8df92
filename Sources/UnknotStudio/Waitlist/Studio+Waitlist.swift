import FluentKit
import Foundation
import UnknotCore

/// The waitlist (issue #18): a client asks for a program on a day between two times; when a time
/// there frees (a cancellation, a move, an offer that ran out), it is held for the first waiting
/// client it suits, for `settings.waitlistHold` at most, and mailed to them; if they do not book
/// it in time it goes to the next.
///
/// Guarantees: an offer is a booking in state `offered`, so the ledger's constraints hold it —
/// no one else can book the time while it is held, and it is never offered twice; waiting
/// clients are offered times in the order they joined; a client never holds two sessions at
/// once (an offer counts as theirs); nothing is offered that the client could not book at that
/// moment. A property test holds these over random cancellations.
extension Studio {
    /// At most this many places one client keeps on the waitlist at once.
    static let waitlistPlaces = 5

    /// Puts the client on the waitlist for `program` and `minutes` on `date`, starting between
    /// `from` and `to` (`HH:MM`). A time free there now is offered at once.
    public func joinWaitlist(
        _ caller: Caller, program id: String, minutes: Int, date text: String, from: String, to: String
    ) async throws(StudioError) -> WaitlistEntry {
        try caller.requireClient()
        let program = try await offeredProgram(id)
        guard program.lengths.contains(minutes) else {
            throw .invalid("minutes", Self.lengthsMessage(name: program.name, lengths: program.lengths, minutes))
        }
        let date = try Self.date(text, field: "date")
        let today = self.today
        guard date >= today else {
            throw .invalid("date", "\(StudioTime.spokenDay(date)) has passed; choose a day to come")
        }
        guard date.dayNumber <= today.dayNumber + settings.rules.maximumDaysAhead else {
            throw .invalid(
                "date", "bookings open \(settings.rules.maximumDaysAhead) days ahead; choose an earlier day")
        }
        var problems: [StudioError.Problem] = []
        let first = Self.minuteOfDay(from)
        let last = Self.minuteOfDay(to)
        if first == nil { problems.append(.init(field: "from", message: "'\(from)' is not a time; write it as 09:30")) }
        if last == nil { problems.append(.init(field: "to", message: "'\(to)' is not a time; write it as 17:00")) }
        if let first, let last, first > last {
            problems.append(.init(field: "to", message: "the latest start (\(to)) is before the earliest (\(from))"))
        }
        guard problems.isEmpty, let first, let last else {
            throw StudioError(
                .invalid, field: problems.first?.field, problems.map(\.message).joined(separator: "; "),
                problems: problems)
        }
        let row = WaitlistRow()
        row.id = UUID()
        row.accountID = caller.accountID
        row.programID = program.id
        row.minutes = minutes
        row.day = date.dayNumber
        row.fromMinute = first
        row.toMinute = last
        row.createdAt = clock.now
        row.status = WaitlistEntry.Status.waiting.rawValue
        let places = Self.waitlistPlaces
        // The place in the queue: one more than the last, in the transaction (two joining at once
        // cannot take the same place: the column is unique, and the second is told to try again).
        try await database.write(conflict: "someone joined the waitlist at the same moment; try again") { db in
            let open = try await WaitlistRow.query(on: db).filter(\.$accountID == caller.accountID)
                .filter(\.$status ~~ [WaitlistEntry.Status.waiting.rawValue, WaitlistEntry.Status.offered.rawValue])
                .count()
            guard open < places else {
                throw StudioError(
                    .refused, "you are on the waitlist \(open) times already (at most \(places)); leave one first")
            }
            row.position = (try await WaitlistRow.query(on: db).max(\.$position) ?? 0) + 1
            try await row.create(on: db)
        }
        await offerFreedTimes(days: date.dayNumber...date.dayNumber)
        guard let id = row.id, let entry = try await waitlist(caller).first(where: { $0.id == id }) else {
            throw .notFound("the waitlist place was not kept; try again")
        }
        return entry
    }

    /// The client's places on the waitlist for days to come, in the order they joined.
    public func waitlist(_ caller: Caller) async throws(StudioError) -> [WaitlistEntry] {
        try caller.requireClient()
        let today = self.today.dayNumber
        let rows = try await database.read { db in
            try await WaitlistRow.query(on: db).filter(\.$accountID == caller.accountID).filter(\.$day >= today)
                .sort(\.$position).all()
        }
        let offered = try await views(
            try await database.read { db in
                try await BookingRow.query(on: db).filter(\.$id ~~ rows.compactMap(\.offerBookingID)).all()
            })
        return rows.compactMap { row in
            guard let id = row.id, let status = WaitlistEntry.Status(rawValue: row.status) else { return nil }
            return WaitlistEntry(
                id: id, programID: row.programID, minutes: row.minutes, day: CalendarDate(dayNumber: row.day),
                from: row.fromMinute, to: row.toMinute, status: status, joinedAt: row.createdAt,
                position: row.position,
                offer: status == .offered ? offered.first { $0.id == row.offerBookingID } : nil,
                offerExpiresAt: status == .offered ? row.offerExpiresAt : nil)
        }
    }

    /// Books the time offered to the client, while it is held for them.
    public func acceptOffer(_ caller: Caller, entry id: UUID) async throws(StudioError) -> BookingView {
        try caller.requireClient()
        let now = clock.now
        let row = try await database.write { db -> BookingRow in
            guard let entry = try await WaitlistRow.find(id, on: db), entry.accountID == caller.accountID else {
                throw StudioError.notFound("there is no waitlist place \(id) of yours")
            }
            guard entry.status == WaitlistEntry.Status.offered.rawValue, let bookingID = entry.offerBookingID,
                let expires = entry.offerExpiresAt, expires > now,
                let booking = try await BookingRow.find(bookingID, on: db),
                booking.status == BookingStatus.offered.rawValue
            else {
                throw StudioError(
                    .refused,
                    "that time is no longer held for you (the hold ran out); you are still welcome to book another"
                )
            }
            booking.status = BookingStatus.booked.rawValue
            booking.sequence += 1
            booking.createdAt = now
            try await booking.update(on: db)
            entry.status = WaitlistEntry.Status.booked.rawValue
            try await entry.update(on: db)
            try await self.queueBookingMail(.bookingConfirmed, booking, on: db)
            return booking
        }
        mailBell.ring()
        guard let view = try await views([row]).first else { throw .notFound("the booking is gone") }
        return view
    }

    /// Leaves the waitlist; a time held for the client goes to the next.
    public func leaveWaitlist(_ caller: Caller, entry id: UUID) async throws(StudioError) {
        try caller.requireClient()
        let day = try await database.write { db -> Int in
            guard let entry = try await WaitlistRow.find(id, on: db), entry.accountID == caller.accountID else {
                throw StudioError.notFound("there is no waitlist place \(id) of yours")
            }
            try await Self.dropOffer(entry, on: db)
            entry.status = WaitlistEntry.Status.left.rawValue
            try await entry.update(on: db)
            return entry.day
        }
        await offerFreedTimes(days: day...day)
    }

    /// Offers that ran out go to the next waiting client. Returns how many ran out.
    @discardableResult
    public func expireWaitlistOffers() async -> Int {
        let now = clock.now
        guard
            let lapsed = try? await database.read({ db in
                try await WaitlistRow.query(on: db).filter(\.$status == WaitlistEntry.Status.offered.rawValue)
                    .filter(\.$offerExpiresAt <= now).all()
            })
        else { return 0 }
        var days: Set<Int> = []
        for entry in lapsed {
            do throws(StudioError) {
                try await database.write { db in
                    guard let current = try await WaitlistRow.find(entry.id, on: db),
                        current.status == WaitlistEntry.Status.offered.rawValue
                    else { return }
                    try await Self.dropOffer(current, on: db)
                    current.status = WaitlistEntry.Status.missed.rawValue
                    try await current.update(on: db)
                }
                days.insert(entry.day)
            } catch {
                database.logger.warning("a lapsed waitlist offer could not be released: \(error)")
            }
        }
        for day in days.sorted() { await offerFreedTimes(days: day...day) }
        return lapsed.count
    }

    /// The held booking of an offered entry, gone (its minutes free again).
    static func dropOffer(_ entry: WaitlistRow, on db: any Database) async throws {
        guard entry.status == WaitlistEntry.Status.offered.rawValue, let id = entry.offerBookingID,
            let booking = try await BookingRow.find(id, on: db), booking.status == BookingStatus.offered.rawValue
        else { return }
        try await releaseCells(booking, on: db)
        try await booking.delete(on: db)
        entry.offerBookingID = nil
        entry.offerExpiresAt = nil
    }

    static func minuteOfDay(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2, let h = Int(parts[0]), let m = Int(parts[1]),
            (0..<24).contains(h), (0..<60).contains(m)
        else { return nil }
        return h * 60 + m
    }
}
