import FluentKit
import Foundation
import UnknotCore

extension Studio {
    /// The bookings over `from` through `to`: all of them for staff (optionally one station's),
    /// the caller's own for a client. In time order.
    public func bookings(_ caller: Caller, from: String, to: String, station: Int? = nil) async throws(StudioError)
        -> [BookingView]
    {
        let first = try Self.date(from, field: "from")
        let last = try Self.date(to, field: "to")
        guard first <= last else { throw .invalid("to", "the range ends (\(last)) before it starts (\(first))") }
        guard last.dayNumber - first.dayNumber < 366 else { throw .invalid("to", "list at most a year at a time") }
        let low = first.dayNumber * 1_440
        let high = (last.dayNumber + 1) * 1_440
        let staff = caller.role.isStaff
        let id = caller.accountID
        let rows = try await database.read { db in
            var query = BookingRow.query(on: db).filter(\.$start >= low).filter(\.$start < high)
            if !staff { query = Self.ownRows(query.filter(\.$accountID == id)) }
            if let station { query = query.filter(\.$stationID == station) }
            return try await query.sort(\.$start).sort(\.$stationID).all()
        }
        return try await views(rows)
    }

    /// The caller's own bookings, soonest first.
    public func myBookings(_ caller: Caller) async throws(StudioError) -> [BookingView] {
        let id = caller.accountID
        let rows = try await database.read { db in
            try await Self.ownRows(BookingRow.query(on: db).filter(\.$accountID == id)).sort(\.$start).all()
        }
        return try await views(rows)
    }

    /// A page of the caller's bookings, soonest first: at most `limit` after the first
    /// `offset`, and whether more remain.
    public func myBookings(
        _ caller: Caller, limit: Int, offset: Int
    ) async throws(StudioError) -> (bookings: [BookingView], more: Bool) {
        let id = caller.accountID
        let limit = min(max(1, limit), 200)
        let offset = max(0, offset)
        let page = try await database.read { db in
            try await Self.ownRows(BookingRow.query(on: db).filter(\.$accountID == id)).sort(\.$start).sort(\.$id)
                .page(limit: limit, offset: offset)
        }
        return (try await views(page.rows), page.more)
    }

    func views(_ rows: [BookingRow]) async throws(StudioError) -> [BookingView] {
        let ids = rows.compactMap(\.id)
        let accounts = Array(Set(rows.map(\.accountID)))
        let (names, recorded) = try await database.read { db in
            let names = accounts.isEmpty ? [] : try await AccountRow.query(on: db).filter(\.$id ~~ accounts).all()
            let recorded =
                ids.isEmpty
                ? []
                : try await SessionRecordRow.query(on: db).filter(\.$bookingID ~~ ids)
                    .field(\.$id).field(\.$bookingID).all()
            return (names, recorded)
        }
        let nameOf = Dictionary(names.compactMap { a in a.id.map { ($0, a.name) } }, uniquingKeysWith: { a, _ in a })
        let withRecord = Set(recorded.map(\.bookingID))
        let couples = try await coupleViews(rows)
        return rows.map { row in
            BookingView(
                row, clientName: nameOf[row.accountID], hasRecord: row.id.map(withRecord.contains) ?? false,
                couple: row.id.flatMap { couples[$0] })
        }
    }

    /// One booking: its client's, or any for staff.
    public func booking(_ caller: Caller, id: UUID) async throws(StudioError) -> BookingView {
        let row = try await bookingRow(caller, id: id)
        guard let view = try await views([row]).first else { throw .notFound("there is no booking \(id)") }
        return view
    }

    /// The row of a booking the caller may see (a client's own; any for staff). A client asking
    /// for someone else's booking is told it does not exist.
    func bookingRow(_ caller: Caller, id: UUID, on db: (any Database)? = nil) async throws(StudioError) -> BookingRow {
        let row = try await database.read { base in try await BookingRow.find(id, on: db ?? base) }
        guard let row, caller.role.isStaff || row.accountID == caller.accountID else {
            throw .notFound("there is no booking \(id) of yours; look in your bookings for the ones you have")
        }
        return row
    }

    /// Cancels a booking: its client until the cut-off, staff any time before the start. The
    /// minutes are free again and a code's use is given back.
    public func cancel(_ caller: Caller, id: UUID) async throws(StudioError) -> BookingView {
        let now = self.now
        let rules = settings.rules
        let row = try await database.write { db -> BookingRow in
            let row = try await self.bookingRow(caller, id: id, on: db)
            guard row.status == BookingStatus.booked.rawValue else {
                throw StudioError(.refused, "the booking is \(row.status); only a booked session can be cancelled")
            }
            let start = StudioTime(minutes: row.start)
            let check =
                caller.role.isStaff
                ? (now < start ? .success(()) : .failure(.inThePast)) : rules.checkCancel(start: start, now: now)
            // A session the day's answers rule out (a fever) may be cancelled whatever the cut-off.
            if case .failure(let refusal) = check, try await !self.dayAnswersRuleOut(row, on: db) {
                throw StudioError(.refused, self.refusalText(refusal))
            }
            // A session for two: its booker (or staff) cancels both seats; a partner, their own.
            for seat in try await Self.cancelledWith(row, staff: caller.role.isStaff, on: db) {
                try await self.cancelSeat(seat, on: db)
            }
            if row.coupleSeat == CoupleSeat.partner.rawValue, !caller.role.isStaff {
                try await self.queuePartnerNews(row, joined: false, on: db)
            }
            return row
        }
        mailBell.ring()
        // The freed time goes to the first client waiting for it.
        await offerFreedTimes(days: row.start / 1_440...row.start / 1_440)
        guard let view = try await views([row]).first else { throw .notFound("there is no booking \(id)") }
        return view
    }

    /// A refusal as the client reads it: past a cut-off, how to reach a person instead.
    public func refusalText(_ refusal: BookingRules.Refusal) -> String {
        switch refusal {
        case .tooLateToCancel, .tooLateToMove: "\(refusal.description); to change it now, \(settings.contactClause)"
        default: refusal.description
        }
    }

    /// Moves a booking to another start (and station, if given or if its own is not free): its
    /// client until the cut-off, staff any time before the start. The price stays; the old
    /// minutes are released and the new ones held in one transaction.
    public func reschedule(_ caller: Caller, id: UUID, start text: String, station: Int? = nil)
        async throws(StudioError) -> BookingView
    {
        let newStart = try Self.time(text, field: "start")
        try Self.checkGrid(newStart)
        let current = try await bookingRow(caller, id: id)
        guard current.status == BookingStatus.booked.rawValue else {
            throw StudioError(.refused, "the booking is \(current.status); only a booked session can be moved")
        }
        let program = try await offeredProgram(current.programID)
        let plan = try await currentCarePlan(account: current.accountID)
        let start = StudioTime(minutes: current.start)
        let together = try await movingTogether(current, by: caller)
        let check: Result<Void, BookingRules.Refusal> =
            caller.role.isStaff
            ? (now < start ? .success(()) : .failure(.inThePast))
            : settings.rules.checkMove(
                start: start, to: newStart, now: now, program: program, health: (plan?.plan ?? CarePlan()).health)
        if case .failure(let refusal) = check {
            throw StudioError(.refused, field: refusal.field, refusalText(refusal), problems: refusal.problems)
        }
        if together.count == 2 {
            let moved = try await moveForTwo(together, to: newStart, station: station)
            await offerFreedTimes(days: start.day...start.day)
            return try await booking(caller, id: moved.first { $0.id == id }?.id ?? id)
        }
        var candidates = try await candidateStations(station)
        if station == nil, let own = candidates.firstIndex(where: { $0.id == current.stationID }) {
            candidates.insert(candidates.remove(at: own), at: 0)
        }
        var lastError = StudioError(.conflict, field: "start", Self.takenMessage(newStart, station: station))
        for candidate in candidates {
            do throws(StudioError) {
                let row = try await database.write(conflict: Self.takenMessage(newStart, station: station)) { db in
                    guard let row = try await BookingRow.find(id, on: db),
                        row.status == BookingStatus.booked.rawValue
                    else { throw StudioError(.conflict, "the booking changed meanwhile; look at it again") }
                    try await Self.releaseCells(row, on: db)
                    try await self.requireClientFree(
                        account: row.accountID, start: newStart.minutes, minutes: row.minutes, excluding: id, on: db)
                    row.start = newStart.minutes
                    row.stationID = candidate.id
                    row.buffer = candidate.cleaningBuffer
                    try await self.requireFree(row, station: candidate, excluding: [id], on: db)
                    row.sequence += 1
                    try await row.update(on: db)
                    try await Self.holdCells(row, on: db)
                    try await self.queueBookingMail(.bookingMoved, row, on: db)
                    return row
                }
                mailBell.ring()
                // The time it left goes to the first client waiting for it.
                await offerFreedTimes(days: start.day...start.day)
                guard let view = try await views([row]).first else { throw StudioError.notFound("no booking \(id)") }
                return view
            } catch  where error.kind == .conflict && station == nil {
                lastError = error
                continue
            }
        }
        throw lastError
    }

    /// The station starts the session, for staff or for the booking's own client at the
    /// station's console: the care plan version current now is the one the session follows,
    /// whatever changes after. From 30 minutes before the start until its end, once the day's
    /// questions are answered (``answerForToday(_:booking:_:)``; else a refusal naming `today`).
    /// The plan's health with the day's answers is screened again first: a refusal names the
    /// field (`health.fever`) and nothing changes.
    public func startSession(_ caller: Caller, id: UUID) async throws(StudioError) -> (BookingView, CarePlanVersion) {
        let now = self.now
        let row = try await bookingRow(caller, id: id)
        guard row.status == BookingStatus.booked.rawValue else {
            throw StudioError(.refused, "the booking is \(row.status); only a booked session can start")
        }
        guard now.minutes >= row.start - 30, now.minutes < row.start + row.minutes else {
            throw StudioError(
                .refused,
                "the session is booked for \(StudioTime(minutes: row.start).spoken); start it from 30 minutes before")
        }
        guard row.coupleSeat != CoupleSeat.open.rawValue else {
            throw StudioError(
                .refused, field: "partner",
                "this seat is kept for the partner invited to it; it starts once they take it with the link "
                    + "in their e-mail")
        }
        // The day's questions come first: a fever or a pill taken this morning is not in the plan.
        guard let day = try await dayAnswersRow(row) else {
            throw StudioError(
                .refused, field: "today",
                "answer the day's health questions first (a fever, an infection, pain medication or muscle "
                    + "relaxants today): they decide whether and how the session runs")
        }
        var plan =
            try await currentCarePlan(account: row.accountID)
            ?? CarePlanVersion(version: 0, createdAt: clock.now, plan: CarePlan(), json: "{}")
        plan.plan.health = day.answers.applied(to: plan.plan.health)
        if day.answers.anyYes, let json = try? plan.plan.exportJSON() {
            plan.json = String(decoding: json, as: UTF8.self)
        }
        // Screening runs again at every start, whoever starts it and however: health can change
        // between booking and session, and the plan pinned now is the one followed.
        let screening = ContraindicationScreening.screen(
            plan.plan.health, program: catalog.program(id: row.programID), on: today)
        if screening.isRefused {
            let refusal = BookingRules.Refusal.screening(screening.refusals)
            throw StudioError(.refused, field: refusal.field, refusal.description, problems: refusal.problems)
        }
        let version = plan.version
        let updated = try await database.write { db -> BookingRow in
            guard let row = try await BookingRow.find(id, on: db), row.status == BookingStatus.booked.rawValue else {
                throw StudioError(.conflict, "the booking changed meanwhile; look at it again")
            }
            row.status = BookingStatus.inProgress.rawValue
            row.carePlanVersion = version
            try await row.update(on: db)
            return row
        }
        guard let view = try await views([updated]).first else { throw .notFound("there is no booking \(id)") }
        return (view, plan)
    }

    /// When the caller might come back, from their own rhythm.
    public func nextVisit(_ caller: Caller) async throws(StudioError) -> (
        date: CalendarDate?, sessions: Int, reason: String
    ) {
        let today = self.today
        let nowMinutes = now.minutes
        let bookings = try await myBookings(caller)
        let had = bookings.filter {
            $0.status == .completed || ($0.status != .cancelled && $0.start.minutes < nowMinutes)
        }
        let upcoming = bookings.filter { $0.status == .booked && $0.start.minutes >= nowMinutes }
        let days = had.map { CalendarDate(dayNumber: $0.start.day) }
        let date = NextVisit.suggestion(after: days, today: today)
        let reason: String
        if let next = upcoming.first {
            reason = "you are booked for \(next.start.spoken)"
        } else if days.isEmpty {
            reason = "after your first session we suggest when to come back"
        } else if days.count == 1 {
            reason = "regulars come about every four weeks, when tension has built up again"
        } else {
            reason =
                "your own rhythm: about every \(max(7, min(56, (date?.dayNumber ?? 0) - (days.last?.dayNumber ?? 0)))) days"
        }
        return (upcoming.isEmpty ? date : nil, had.count, reason)
    }
}
