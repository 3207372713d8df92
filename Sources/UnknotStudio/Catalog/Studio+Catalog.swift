import FluentKit
import Foundation
import UnknotCore

extension Studio {
    /// Makes sure every catalog program has a row and every bookable length a price (the first
    /// start of an empty database gets the standard price list). Idempotent.
    public func prepareCatalog() async throws(StudioError) {
        let programs = catalog.programs
        try await database.write { db in
            let known = Set(try await ProgramRow.query(on: db).all().compactMap(\.id))
            for program in programs where !known.contains(program.id) {
                try await ProgramRow(
                    id: program.id, bookable: true, acceptsPromoCodes: program.acceptsPromoCodes,
                    lengths: Self.json(program.lengths.sorted())
                ).create(on: db)
            }
            if try await PriceRow.query(on: db).count() == 0 {
                for (minutes, price) in PriceList.standard.prices.sorted(by: { $0.key < $1.key }) {
                    try await PriceRow(minutes: minutes, cents: price.cents).create(on: db)
                }
            }
        }
    }

    /// Every program of the catalog as offered, in catalog order.
    public func programs() async throws(StudioError) -> [ProgramOffer] {
        let (rows, prices) = try await database.read { db in
            (try await ProgramRow.query(on: db).all(), try await PriceRow.query(on: db).all())
        }
        let priceOf = Dictionary(prices.compactMap { p in p.id.map { ($0, p.cents) } }, uniquingKeysWith: { a, _ in a })
        return catalog.programs.compactMap { program in
            guard let row = rows.first(where: { $0.id == program.id }) else { return nil }
            return offer(program, row: row, prices: priceOf)
        }
    }

    func offer(_ program: Program, row: ProgramRow, prices: [Int: Int]) -> ProgramOffer {
        let lengths = (Self.decode([Int].self, row.lengths) ?? program.lengths).sorted()
        return ProgramOffer(
            id: program.id, name: program.name, summary: program.summary, lengths: lengths,
            prices: prices.filter { lengths.contains($0.key) },
            acceptsPromoCodes: row.acceptsPromoCodes, bookable: row.bookable)
    }

    /// The program `id` as offered now, for booking: the catalog's definition with the studio's
    /// lengths and promo rule. Throws when there is no such program or it is not offered.
    func offeredProgram(_ id: String, field: String = "program") async throws(StudioError) -> Program {
        guard var program = catalog.program(id: id) else {
            let ids = catalog.programs.map(\.id).joined(separator: ", ")
            throw .invalid(field, "there is no program '\(id)'; the programs are \(ids)")
        }
        let row = try await database.read { db in try await ProgramRow.find(id, on: db) }
        guard let row, row.bookable else {
            throw StudioError(
                .refused, field: field, "\(program.name) is not offered at the moment; choose another program")
        }
        program.lengths = (Self.decode([Int].self, row.lengths) ?? program.lengths).sorted()
        program.acceptsPromoCodes = row.acceptsPromoCodes
        return program
    }

    /// Changes how a program is offered (admin).
    public func updateProgram(_ caller: Caller, id: String, _ change: ProgramChange) async throws(StudioError)
        -> ProgramOffer
    {
        try caller.requireAdmin()
        guard let program = catalog.program(id: id) else {
            throw .notFound("there is no program '\(id)'; list them at /api/programs")
        }
        if let lengths = change.lengths {
            guard !lengths.isEmpty, lengths.allSatisfy(ProgramCatalog.bookableLengths.contains) else {
                throw .invalid("lengths", "offer one or more of \(ProgramCatalog.bookableLengths) minutes")
            }
        }
        try await database.write { db in
            guard let row = try await ProgramRow.find(id, on: db) else {
                throw StudioError.notFound("there is no program '\(id)'")
            }
            if let bookable = change.bookable { row.bookable = bookable }
            if let accepts = change.acceptsPromoCodes { row.acceptsPromoCodes = accepts }
            if let lengths = change.lengths { row.lengths = Self.json(Array(Set(lengths)).sorted()) }
            try await row.update(on: db)
        }
        guard let updated = try await programs().first(where: { $0.id == program.id }) else {
            throw .notFound("there is no program '\(id)'")
        }
        return updated
    }

    /// The price list, by length.
    public func priceList() async throws(StudioError) -> PriceList {
        let rows = try await database.read { db in try await PriceRow.query(on: db).all() }
        do {
            return try PriceList(
                Dictionary(
                    rows.compactMap { r in r.id.map { ($0, Money(cents: r.cents)) } }, uniquingKeysWith: { a, _ in a }))
        } catch {
            throw StudioError(.unavailable, "the stored price list is unusable: \(error)")
        }
    }

    /// Replaces the price list (admin). Every length a bookable program offers needs a price.
    public func setPrices(_ caller: Caller, _ prices: [Int: Int]) async throws(StudioError) -> PriceList {
        try caller.requireAdmin()
        let list: PriceList
        do {
            list = try PriceList(prices.mapValues { Money(cents: $0) })
        } catch {
            throw .invalid("prices", error.description)
        }
        for offer in try await programs() where offer.bookable {
            if let missing = offer.lengths.first(where: { prices[$0] == nil }) {
                throw .invalid(
                    "prices", "\(offer.name) is offered for \(missing) minutes; give that length a price too")
            }
        }
        try await database.write { db in
            try await PriceRow.query(on: db).delete()
            for (minutes, cents) in prices.sorted(by: { $0.key < $1.key }) {
                try await PriceRow(minutes: minutes, cents: cents).create(on: db)
            }
        }
        return list
    }

    /// Every promo code (admin).
    public func promoCodes(_ caller: Caller) async throws(StudioError) -> [PromoCodeView] {
        try caller.requireAdmin()
        return try await allPromoCodes()
    }

    /// The offers for a first visit anyone may read (the front page): each active code kept for a
    /// client's first session, valid today and with uses left, in words ("$10.00 off your first
    /// session of 30 minutes or more with the code BLOG").
    public func firstVisitOffers() async throws(StudioError) -> [String] {
        let today = self.today
        return try await allPromoCodes().filter { view in
            let code = view.code
            return view.active && code.firstSessionOnly && code.validFrom.map { $0 <= today } != false
                && code.validUntil.map { $0 >= today } != false && code.totalUses.map { code.uses < $0 } != false
        }.map { view in
            let code = view.code
            let off =
                switch code.discount {
                case .amount(let money): "\(money) off"
                case .percent(let percent): "\(percent)% off"
                }
            let length = code.minimumMinutes > 0 ? " of \(code.minimumMinutes) minutes or more" : ""
            return "\(off) your first session\(length) with the code \(code.code)"
        }
    }

    func allPromoCodes() async throws(StudioError) -> [PromoCodeView] {
        let rows = try await database.read { db in try await PromoCodeRow.query(on: db).sort(\.$id).all() }
        return rows.compactMap(Self.promo)
    }

    static func promo(_ row: PromoCodeRow) -> PromoCodeView? {
        let discount: PromoCode.Discount
        if let cents = row.amountOffCents {
            discount = .amount(Money(cents: cents))
        } else if let percent = row.percentOff {
            discount = .percent(percent)
        } else {
            return nil
        }
        guard let id = row.id,
            let code = try? PromoCode(
                code: id, discount: discount, minimumMinutes: row.minimumMinutes,
                firstSessionOnly: row.firstSessionOnly, oncePerClient: row.oncePerClient,
                validFrom: row.validFrom.map { CalendarDate(dayNumber: $0) },
                validUntil: row.validUntil.map { CalendarDate(dayNumber: $0) }, totalUses: row.totalUses,
                uses: row.uses)
        else { return nil }
        return PromoCodeView(code: code, active: row.active)
    }

    /// Adds a promo code (admin).
    public func createPromoCode(_ caller: Caller, _ code: PromoCode) async throws(StudioError) -> PromoCodeView {
        try caller.requireAdmin()
        let row = Self.row(code, active: true)
        try await database.write(conflict: "the code \(code.code) exists; change it instead") { db in
            try await row.create(on: db)
        }
        return PromoCodeView(code: code, active: true)
    }

    /// Adds a promo code while setting the studio up (no caller).
    func installPromoCode(_ code: PromoCode, on db: any Database) async throws {
        try await Self.row(code, active: true).create(on: db)
    }

    static func row(_ code: PromoCode, active: Bool) -> PromoCodeRow {
        let row = PromoCodeRow()
        row.id = code.code
        switch code.discount {
        case .amount(let money): row.amountOffCents = money.cents
        case .percent(let p): row.percentOff = p
        }
        row.minimumMinutes = code.minimumMinutes
        row.firstSessionOnly = code.firstSessionOnly
        row.oncePerClient = code.oncePerClient
        row.validFrom = code.validFrom?.dayNumber
        row.validUntil = code.validUntil?.dayNumber
        row.totalUses = code.totalUses
        row.uses = code.uses
        row.active = active
        return row
    }

    /// Switches a code off or on, or changes its end date or use limit (admin).
    public func updatePromoCode(_ caller: Caller, code: String, _ change: PromoCodeChange) async throws(StudioError)
        -> PromoCodeView
    {
        try caller.requireAdmin()
        let key = PromoCode.normalize(code)
        let row = try await database.write { db -> PromoCodeRow in
            guard let row = try await PromoCodeRow.find(key, on: db) else {
                throw StudioError.notFound("there is no code \(key); list them at /api/promo-codes")
            }
            if let active = change.active { row.active = active }
            if let until = change.validUntil {
                if let from = row.validFrom, until.dayNumber < from {
                    throw StudioError.invalid(
                        "validUntil", "the code starts on \(CalendarDate(dayNumber: from)); end it on that day or later"
                    )
                }
                row.validUntil = until.dayNumber
            }
            if let total = change.totalUses {
                guard total >= row.uses else {
                    throw StudioError.invalid(
                        "totalUses", "the code was used \(row.uses) times already; allow at least that many")
                }
                row.totalUses = total
            }
            try await row.update(on: db)
            return row
        }
        guard let view = Self.promo(row) else { throw .notFound("the code \(key) is unreadable") }
        return view
    }

    /// What a session would cost the caller, and what becomes of a code and why.
    public func quote(_ caller: Caller, program id: String, minutes: Int, code: String?) async throws(StudioError)
        -> Quote
    {
        let program = try await offeredProgram(id)
        let history = try await promoHistory(account: caller.accountID)
        return try await quote(program: program, minutes: minutes, code: code, history: history)
    }

    func quote(program: Program, minutes: Int, code: String?, history: PromoHistory) async throws(StudioError)
        -> Quote
    {
        let prices = try await priceList()
        let codes = try await allPromoCodes().filter(\.active).map(\.code)
        do {
            return try prices.quote(
                program: program, minutes: minutes, code: code, codes: codes, client: history, on: today)
        } catch {
            throw StudioError(.invalid, field: "minutes", error.description)
        }
    }

    /// A client's history as promo codes see it: sessions booked or had (not cancelled), and the
    /// codes used.
    func promoHistory(account id: UUID) async throws(StudioError) -> PromoHistory {
        let cancelled = BookingStatus.cancelled.rawValue
        let bookings = try await database.read { db in
            try await Self.ownRows(BookingRow.query(on: db).filter(\.$accountID == id)).filter(\.$status != cancelled)
                .all()
        }
        return PromoHistory(sessions: bookings.count, codesUsed: Set(bookings.compactMap(\.promoCode)))
    }
}
