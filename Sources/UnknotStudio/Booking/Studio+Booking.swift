import FluentKit
import Foundation
import SQLKit
import UnknotCore

extension Studio {
    /// Free starts for `program` and `minutes` on the days `from` through `to` (at most 62), on
    /// one station or all in service, in time order. Open to anyone.
    ///
    /// Guarantees: every start offered is one a client may book at this moment under the studio's
    /// rules — at least the minimum notice ahead, within the days bookings are open — and, for a
    /// signed-in client (`caller`), none overlaps a session of theirs (except the booking being
    /// moved, `moving`); a property test holds this over random clocks and rules.
    ///
    /// For two (`people: 2`) a start is offered on a station only when the next one (numbered one
    /// higher: stations are numbered along the room) is free too, for the partner beside them.
    public func availability(
        program id: String, minutes: Int, from: String, to: String, station: Int? = nil, for caller: Caller? = nil,
        moving: UUID? = nil, people: Int = 1
    ) async throws(StudioError) -> [SlotView] {
        guard (1...2).contains(people) else {
            throw .invalid("people", "a session is for one person, or two side by side; not \(people)")
        }
        let program = try await offeredProgram(id)
        guard program.lengths.contains(minutes) else {
            throw .invalid("minutes", Self.lengthsMessage(name: program.name, lengths: program.lengths, minutes))
        }
        let first = try Self.date(from, field: "from")
        let last = try Self.date(to, field: "to")
        guard first <= last else { throw .invalid("to", "the range ends (\(last)) before it starts (\(first))") }
        guard last.dayNumber - first.dayNumber < 62 else {
            throw .invalid("to", "search at most 62 days at a time; narrow the range")
        }
        let all = try await allStations()
        var stations = all
        if let station {
            stations = stations.filter { $0.id == station }
            guard !stations.isEmpty else { throw .notFound("there is no station \(station)") }
        }
        if people == 2 { stations = stations.filter { s in all.contains { $0.id == s.id + 1 } } }
        let now = self.now
        let rules = settings.rules
        let earliest = now + rules.minimumNotice
        let lastOpen = min(last.dayNumber, now.day + rules.maximumDaysAhead)
        let firstOpen = max(first.dayNumber, earliest.day)
        guard firstOpen <= lastOpen else { return [] }
        let days = firstOpen...lastOpen
        let held = try await heldTimes(days: days)
        var own: [Range<Int>] = []
        if let caller, caller.role == .client {
            own = try await ownSessions(
                account: caller.accountID, overlapping: (firstOpen * 1_440)..<((lastOpen + 1) * 1_440),
                excluding: moving
            ).map { $0.start..<($0.start + $0.minutes) }
        }
        var slots: [SlotView] = []
        for station in stations {
            var free = try freeSlots(
                minutes: minutes, station: station, held: held[station.id] ?? [], days: days, from: earliest)
            var partner: Int?
            if people == 2, let beside = all.first(where: { $0.id == station.id + 1 }) {
                let alsoFree = Set(
                    try freeSlots(
                        minutes: minutes, station: beside, held: held[beside.id] ?? [], days: days, from: earliest))
                free = free.filter(alsoFree.contains)
                partner = beside.id
            }
            for slot in free where !own.contains(where: { $0.overlaps(slot.minutes..<(slot.minutes + minutes)) }) {
                slots.append(
                    SlotView(
                        stationID: station.id, stationName: station.name, start: slot, end: slot + minutes,
                        partnerStationID: partner))
            }
        }
        return slots.sorted { ($0.start, $0.stationID) < ($1.start, $1.stationID) }
    }

    /// "Deep tissue is offered for 30, 45, 60 or 90 minutes, not 29".
    public static func lengthsMessage(name: String, lengths offered: [Int], _ minutes: Int) -> String {
        let lengths = offered.sorted().map(String.init)
        let list =
            lengths.count > 1
            ? lengths.dropLast().joined(separator: ", ") + " or " + (lengths.last ?? "") : lengths.joined()
        return "\(name) is offered for \(list) minutes, not \(minutes)"
    }

    /// The times bookings hold on each station around `days`: session and its own buffer.
    func heldTimes(days: ClosedRange<Int>, excluding: [UUID] = [], on db: (any Database)? = nil)
        async throws(StudioError) -> [Int: [(start: Int, end: Int)]]
    {
        let low = (days.lowerBound - 1) * 1_440
        let high = (days.upperBound + 2) * 1_440
        let active = [
            BookingStatus.booked.rawValue, BookingStatus.inProgress.rawValue, BookingStatus.completed.rawValue,
            BookingStatus.offered.rawValue,
        ]
        // Only the five columns the search needs, read straight from the rows: building whole
        // models for a busy fortnight costs far more than the search itself.
        let rows = try await database.read { base -> [(Int, Int, Int)] in
            guard let sql = (db ?? base) as? any SQLDatabase else { return [] }
            var query = sql.select()
                .column("station_id").column("start").column(SQLRaw("start + minutes + buffer"), as: "end")
                .from(BookingRow.schema)
                .where("start", .greaterThanOrEqual, low)
                .where("start", .lessThan, high)
                .where("status", .in, active)
            for id in excluding { query = query.where("id", .notEqual, id) }
            return try await query.all().map { row in
                (
                    try row.decode(column: "station_id", as: Int.self), try row.decode(column: "start", as: Int.self),
                    try row.decode(column: "end", as: Int.self)
                )
            }
        }
        var held: [Int: [(start: Int, end: Int)]] = [:]
        for (station, start, end) in rows { held[station, default: []].append((start, end)) }
        return held
    }

    /// Free starts on one station, by the availability search (its opening hours and buffer,
    /// the 15-minute grid, nothing in the past).
    func freeSlots(
        minutes: Int, station: StationView, held: [(start: Int, end: Int)], days: ClosedRange<Int>,
        from earliest: StudioTime? = nil
    ) throws(StudioError) -> [StudioTime] {
        guard station.status == .inService else { return [] }
        do {
            let search = try AvailabilitySearch(cleaningBuffer: station.cleaningBuffer)
            // The search adds the station's buffer after each booking; a booking made under an
            // older buffer holds its own.
            let bookings = held.map { h in
                StudioTime(minutes: h.start)..<StudioTime(minutes: max(h.start + 1, h.end - station.cleaningBuffer))
            }
            let searched = AvailabilitySearch.Station(
                id: station.id, inService: true, hours: station.hours, bookings: bookings)
            return try search.slots(minutes: minutes, stations: [searched], days: days, now: earliest ?? now).map(
                \.start)
        } catch {
            throw .invalid("minutes", error.description)
        }
    }

    /// Books a session for the caller (a client). Checks the rules (notice, how far ahead, the
    /// care plan's screening), the slot (opening hours, buffer, grid), the price and the code,
    /// then holds the station's minutes in one transaction: of any number of simultaneous
    /// attempts at one slot, exactly one succeeds.
    ///
    /// Staff book on a client's behalf with `for: client` (from ``clientCaller(_:id:)``): the same
    /// rules, the client's care plan and promo history, and the client gets the e-mail.
    ///
    /// With `partnerEmail` it books a session for two (``bookForTwo``): `station` and the one
    /// beside it, the partner invited by e-mail to take the second seat.
    public func book(
        _ booker: Caller, program id: String, minutes: Int, start text: String, station: Int? = nil,
        code: String? = nil, for client: Caller? = nil, partnerEmail: String? = nil
    ) async throws(StudioError) -> BookingView {
        let caller: Caller
        if let client {
            try booker.requireStaff()
            caller = client
        } else {
            try booker.requireClient()
            caller = booker
        }
        var partner: MailAddress?
        if let partnerEmail { partner = try await checkPartner(partnerEmail, of: caller) }
        let program = try await offeredProgram(id)
        guard program.lengths.contains(minutes) else {
            throw .invalid("minutes", Self.lengthsMessage(name: program.name, lengths: program.lengths, minutes))
        }
        let start = try Self.time(text, field: "start")
        try Self.checkGrid(start)
        let plan = try await currentCarePlan(caller)
        if case .failure(let refusal) = settings.rules.checkBooking(
            start: start, now: now, program: program, health: (plan?.plan ?? CarePlan()).health)
        {
            throw StudioError(.refused, field: refusal.field, refusal.description, problems: refusal.problems)
        }
        let history = try await promoHistory(account: caller.accountID)
        let quote = try await quote(program: program, minutes: minutes, code: code, history: history)
        if case .refused(let code, let reason) = quote.promo {
            throw StudioError(
                .refused, field: "code",
                "\(code) does not apply: \(reason); book without the code, or check it with POST /api/quotes")
        }
        var appliedCode: String?
        if case .applied(let code, _) = quote.promo { appliedCode = code }
        let version = plan?.version ?? 0
        if let partner {
            return try await bookForTwo(
                caller, partner: partner,
                seat: .init(
                    program: program, minutes: minutes, start: start, quote: quote, code: appliedCode,
                    carePlanVersion: version), station: station)
        }
        let candidates = try await candidateStations(station)
        let createdAt = clock.now
        // A new row per attempt: a row that failed to insert cannot be inserted again.
        func makeRow(on candidate: StationView) -> BookingRow {
            let booking = BookingRow()
            booking.id = UUID()
            booking.accountID = caller.accountID
            booking.stationID = candidate.id
            booking.programID = program.id
            booking.start = start.minutes
            booking.minutes = minutes
            booking.buffer = candidate.cleaningBuffer
            booking.status = BookingStatus.booked.rawValue
            booking.priceCents = quote.base.cents
            booking.discountCents = quote.discount.cents
            booking.promoCode = appliedCode
            booking.carePlanVersion = version
            booking.sequence = 0
            booking.createdAt = createdAt
            return booking
        }
        let codeRule = try await promoRule(appliedCode)
        var lastError = StudioError(.conflict, field: "start", "no station is free at \(start.spoken); search again")
        for candidate in candidates {
            let row = makeRow(on: candidate)
            do throws(StudioError) {
                try await database.write(conflict: Self.takenMessage(start, station: station)) { db in
                    try await self.requireClientFree(
                        account: caller.accountID, start: row.start, minutes: row.minutes, on: db)
                    try await self.requireFree(row, station: candidate, excluding: [], on: db)
                    try await row.create(on: db)
                    try await Self.holdCells(row, on: db)
                    try await Self.redeemCode(of: row, rule: codeRule, on: db)
                    try await self.queueBookingMail(.bookingConfirmed, row, on: db)
                }
                mailBell.ring()
                return BookingView(row, clientName: caller.name)
            } catch  where error.kind == .conflict {
                // A clash on the client's own use of the code (two bookings at the same moment)
                // is not a station's: say what really happened.
                if let code = row.promoCode, let rule = codeRule, rule.oncePerClient || rule.firstSessionOnly,
                    try await hasRedeemed(code, account: caller.accountID)
                {
                    throw StudioError(
                        .refused, field: "code",
                        "\(code) is once per client and another booking of yours took it a moment ago; book without the code"
                    )
                }
                // Another booking of the same client at the same moment holds their time now.
                if let clash = try await ownSessions(
                    account: caller.accountID, overlapping: row.start..<(row.start + row.minutes)
                ).first {
                    throw StudioError(.refused, field: "start", Self.ownClashMessage(clash, catalog: catalog))
                }
                guard station == nil else { throw error }
                lastError = error
                continue
            }
        }
        throw lastError
    }

    /// Whether the account already redeemed the code (in a booking that still stands).
    func hasRedeemed(_ code: String, account: UUID) async throws(StudioError) -> Bool {
        try await database.read { db in
            try await PromoRedemptionRow.query(on: db).filter(\.$accountID == account).filter(\.$code == code)
                .count() > 0
        }
    }

    /// Sessions start on the quarter hour.
    static func checkGrid(_ start: StudioTime) throws(StudioError) {
        guard start.minuteOfDay % 15 == 0 else {
            throw .invalid(
                "start", "sessions start on the quarter hour (:00, :15, :30 or :45), not at \(start.clockText)")
        }
    }

    static func takenMessage(_ start: StudioTime, station: Int?) -> String {
        if let station {
            "station \(station) is not free at \(start.spoken) (another session or the cleaning time after one); search availability again"
        } else {
            "no station is free at \(start.spoken); search availability again"
        }
    }

    func candidateStations(_ station: Int?) async throws(StudioError) -> [StationView] {
        let all = try await allStations()
        if let station {
            guard let found = all.first(where: { $0.id == station }) else {
                throw .invalid("stationId", "there is no station \(station)")
            }
            guard found.status == .inService else {
                throw StudioError(
                    .refused, field: "stationId", "station \(station) is \(found.status.rawValue); choose another")
            }
            return [found]
        }
        return all.filter { $0.status == .inService }
    }

    func promoRule(_ code: String?) async throws(StudioError) -> PromoCode? {
        guard let code else { return nil }
        let row = try await database.read { db in try await PromoCodeRow.find(code, on: db) }
        return row.flatMap(Self.promo)?.code
    }

    /// Throws `conflict` unless `booking`'s start is a free slot on `station` (read inside the
    /// transaction; the cells' constraint settles any race the read cannot see).
    func requireFree(_ booking: BookingRow, station: StationView, excluding: [UUID], on db: any Database)
        async throws(StudioError)
    {
        let start = StudioTime(minutes: booking.start)
        let day = start.day
        let open = try freeSlots(minutes: booking.minutes, station: station, held: [], days: day...day)
        guard open.contains(start) else {
            let hours = station.hours.text[start.weekday]
            throw StudioError(
                .refused, field: "start",
                "\(station.name) does not take a \(booking.minutes)-minute session at \(start.spoken): it is open "
                    + (hours.isEmpty ? "on other days" : hours.joined(separator: ", "))
                    + " that day, the session and \(station.cleaningBuffer) minutes of cleaning must end by closing")
        }
        let held = try await heldTimes(days: day...day, excluding: excluding, on: db)
        let free = try freeSlots(
            minutes: booking.minutes, station: station, held: held[station.id] ?? [], days: day...day)
        guard free.contains(start) else {
            throw StudioError(.conflict, field: "start", Self.takenMessage(start, station: station.id))
        }
    }

    /// Holds the station's five-minute cells for the session and its buffer.
    static func holdCells(_ booking: BookingRow, on db: any Database) async throws {
        guard let id = booking.id else { return }
        let size = BookingCellRow.minutes
        let first = booking.start / size
        let end = (booking.start + booking.minutes + booking.buffer + size - 1) / size
        let cells = (first..<end).map { BookingCellRow(bookingID: id, stationID: booking.stationID, cell: $0) }
        try await cells.create(on: db)
        try await holdClientCells(booking, on: db)
    }

    static func releaseCells(_ booking: BookingRow, on db: any Database) async throws {
        guard let id = booking.id else { return }
        try await BookingCellRow.query(on: db).filter(\.$bookingID == id).delete()
        try await ClientCellRow.query(on: db).filter(\.$bookingID == id).delete()
    }

    /// Takes one use of the booking's code, and marks it redeemed by its client when the code is
    /// once per client or for a first session (in the booking's transaction).
    static func redeemCode(of row: BookingRow, rule: PromoCode?, on db: any Database) async throws {
        guard let code = row.promoCode, let rule else { return }
        try await takeUse(of: code, on: db)
        if rule.oncePerClient || rule.firstSessionOnly, let id = row.id {
            try await PromoRedemptionRow(accountID: row.accountID, code: code, bookingID: id).create(on: db)
        }
    }

    /// Counts one use of a code, unless it is switched off or used up meanwhile.
    static func takeUse(of code: String, on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        let rows = try await sql.raw(
            """
            UPDATE promo_codes SET uses = uses + 1
            WHERE code = \(bind: code) AND active = \(bind: true) AND (total_uses IS NULL OR uses < total_uses)
            RETURNING uses
            """
        ).all()
        guard !rows.isEmpty else {
            throw StudioError(
                .refused, field: "code", "\(code) was used up or switched off a moment ago; book without the code")
        }
    }

    /// Gives back one use of a code (the booking that used it was cancelled or deleted).
    static func releaseUse(of code: String, on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.raw("UPDATE promo_codes SET uses = uses - 1 WHERE code = \(bind: code) AND uses > 0").run()
    }
}
