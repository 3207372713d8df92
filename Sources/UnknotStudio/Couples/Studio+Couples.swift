import FluentKit
import Foundation
import UnknotCore

/// What both seats of a session for two share: the program, length and start, and what the
/// booker's own seat costs.
struct SeatTerms: Sendable {
    var program: Program
    var minutes: Int
    var start: StudioTime
    var quote: Quote
    var code: String?
    var carePlanVersion: Int
}

extension Studio {
    /// The partner's address checked: an address, and not the booker's own.
    func checkPartner(_ text: String, of booker: Caller) async throws(StudioError) -> MailAddress {
        let email: String
        do {
            email = try Self.checkEmail(text)
        } catch {
            throw .invalid("partnerEmail", error.message)
        }
        let own = try await database.read { db in try await AccountRow.find(booker.accountID, on: db)?.email }
        guard email != own else {
            throw .invalid(
                "partnerEmail", "that is your own address; give the address of the person coming with you")
        }
        do { return try MailAddress(email) } catch {
            throw .invalid("partnerEmail", "'\(email)' is not an email address; write it as name@example.com")
        }
    }

    /// Books a session for two: `station` (or the first free pair) and the station numbered one
    /// higher, side by side, at one start, in one transaction — both or neither. The booker's
    /// seat holds their time and pays for both seats (the code applies to theirs); the second seat
    /// holds its station only, `open`, costs nothing (the booker's carries the price of both and the
    /// code's discount on one seat), until the partner takes it with the link mailed to them
    /// (``takeSeat(_:token:)``) onto their own account and care plan.
    func bookForTwo(_ caller: Caller, partner: MailAddress, seat terms: SeatTerms, station: Int?)
        async throws(StudioError) -> BookingView
    {
        let pairs = try await stationPairs(station)
        let codeRule = try await promoRule(terms.code)
        let createdAt = clock.now
        var lastError = StudioError(
            .conflict, field: "start", "no two stations side by side are free at \(terms.start.spoken); search again")
        for (first, second) in pairs {
            let couple = UUID()
            let own = makeSeat(caller.accountID, .booker, couple: couple, on: first, terms, createdAt: createdAt)
            let open = makeSeat(caller.accountID, .open, couple: couple, on: second, terms, createdAt: createdAt)
            // One booking, one payer: the booker's seat carries the price of both, the code's
            // discount (on one seat); the partner's seat costs its partner nothing.
            own.priceCents = terms.quote.base.cents * 2
            open.priceCents = 0
            open.discountCents = 0
            open.promoCode = nil
            open.carePlanVersion = 0
            let token = Secret.make()
            let invitation = try invitationMail(to: partner, from: caller.name, seat: open, token: token)
            do throws(StudioError) {
                try await database.write(conflict: Self.takenMessage(terms.start, station: station)) { db in
                    try await self.requireClientFree(
                        account: caller.accountID, start: own.start, minutes: own.minutes, on: db)
                    try await self.requireFree(own, station: first, excluding: [], on: db)
                    try await self.requireFree(open, station: second, excluding: [], on: db)
                    try await own.create(on: db)
                    try await open.create(on: db)
                    try await Self.holdCells(own, on: db)
                    try await Self.holdCells(open, on: db)
                    try await Self.redeemCode(of: own, rule: codeRule, on: db)
                    if let seat = open.id {
                        try await PartnerInviteRow(
                            bookingID: seat, email: partner.address, tokenHash: Secret.digest(token),
                            invitedBy: caller.accountID, createdAt: createdAt
                        ).create(on: db)
                    }
                    try await self.queueBookingMail(.bookingConfirmed, own, on: db)
                    try await self.queueMail(invitation, kind: .partnerInvitation, on: db)
                }
                mailBell.ring()
                return try await booking(caller, id: own.id ?? UUID())
            } catch {
                if let clash = try await ownSessions(
                    account: caller.accountID, overlapping: own.start..<(own.start + own.minutes)
                ).first {
                    throw StudioError(.refused, field: "start", Self.ownClashMessage(clash, catalog: catalog))
                }
                guard error.kind == .conflict, station == nil else { throw error }
                lastError = error
            }
        }
        throw lastError
    }

    func makeSeat(
        _ account: UUID, _ seat: CoupleSeat, couple: UUID, on station: StationView, _ terms: SeatTerms,
        createdAt: Date
    ) -> BookingRow {
        let row = BookingRow()
        row.id = UUID()
        row.accountID = account
        row.stationID = station.id
        row.programID = terms.program.id
        row.start = terms.start.minutes
        row.minutes = terms.minutes
        row.buffer = station.cleaningBuffer
        row.status = BookingStatus.booked.rawValue
        row.priceCents = terms.quote.base.cents
        row.discountCents = terms.quote.discount.cents
        row.promoCode = terms.code
        row.carePlanVersion = terms.carePlanVersion
        row.sequence = 0
        row.createdAt = createdAt
        row.coupleID = couple
        row.coupleSeat = seat.rawValue
        return row
    }

    /// Stations side by side in service: `station` and the next, or every such pair in order.
    func stationPairs(_ station: Int?) async throws(StudioError) -> [(StationView, StationView)] {
        let all = try await allStations()
        let serving = all.filter { $0.status == .inService }
        let pairs = serving.compactMap { s in serving.first { $0.id == s.id + 1 }.map { (s, $0) } }
        guard let station else { return pairs }
        guard all.contains(where: { $0.id == station }) else {
            throw .invalid("stationId", "there is no station \(station)")
        }
        guard let pair = pairs.first(where: { $0.0.id == station }) else {
            throw StudioError(
                .refused, field: "stationId",
                "station \(station) and station \(station + 1) are not both in service side by side; "
                    + "choose another pair, or leave the station to the studio")
        }
        return [pair]
    }

    /// The couple's seats, read in `db`, the booker's first.
    static func seats(of couple: UUID, on db: any Database) async throws -> [BookingRow] {
        bookerFirst(try await BookingRow.query(on: db).filter(\.$coupleID == couple).all())
    }

    /// The booker's seat first, then the other, by station.
    static func bookerFirst(_ rows: [BookingRow]) -> [BookingRow] {
        rows.sorted {
            ($0.coupleSeat == CoupleSeat.booker.rawValue ? 0 : 1, $0.stationID)
                < ($1.coupleSeat == CoupleSeat.booker.rawValue ? 0 : 1, $1.stationID)
        }
    }

    /// For each coupled row among `rows`: the other seat, who sits there and where an open seat's
    /// invitation went.
    func coupleViews(_ rows: [BookingRow]) async throws(StudioError) -> [UUID: CoupleView] {
        let couples = Array(Set(rows.compactMap(\.coupleID)))
        guard !couples.isEmpty else { return [:] }
        let (seats, invites, accounts) = try await database.read { db in
            let seats = try await BookingRow.query(on: db).filter(\.$coupleID ~~ couples).all()
            let open = seats.compactMap(\.id)
            let invites = try await PartnerInviteRow.query(on: db).filter(\.$bookingID ~~ open).all()
            let people = Array(Set(seats.map(\.accountID)))
            let accounts = try await AccountRow.query(on: db).filter(\.$id ~~ people).all()
            return (seats, invites, accounts)
        }
        let names = Dictionary(accounts.compactMap { a in a.id.map { ($0, a.name) } }, uniquingKeysWith: { a, _ in a })
        let invited = Dictionary(invites.map { ($0.bookingID, $0.email) }, uniquingKeysWith: { a, _ in a })
        var views: [UUID: CoupleView] = [:]
        for row in rows {
            guard let id = row.id, let couple = row.coupleID,
                let other = seats.first(where: { $0.coupleID == couple && $0.id != id }), let otherID = other.id
            else { continue }
            let otherSeat = CoupleSeat(rawValue: other.coupleSeat ?? "") ?? .partner
            views[id] = CoupleView(
                seat: CoupleSeat(rawValue: row.coupleSeat ?? "") ?? .booker, otherBookingID: otherID,
                otherStationID: other.stationID, otherStatus: BookingStatus(rawValue: other.status) ?? .booked,
                otherSeat: otherSeat, otherName: otherSeat == .open ? nil : names[other.accountID],
                invitedEmail: invited[otherID] ?? (row.coupleSeat == CoupleSeat.open.rawValue ? invited[id] : nil))
        }
        return views
    }
}
