import FluentKit
import Foundation
import SQLKit
import UnknotCore

/// The invitation to the second seat of a session for two, as its link's page shows it.
public struct SeatInvitation: Sendable, Hashable {
    public var bookerName: String
    public var programID: String
    public var minutes: Int
    public var start: StudioTime
    /// The seat's station, and the booker's beside it.
    public var stationID: Int
    public var bookerStationID: Int
}

extension Studio {
    /// What an invitation's link offers, to anyone holding the link (it names the booker's name,
    /// the program and the time, nothing else of theirs).
    public func seatInvitation(token: String) async throws(StudioError) -> SeatInvitation {
        let (seat, invite) = try await openSeat(token: token)
        let booker = try await database.read { db in
            let seats = try await BookingRow.query(on: db).filter(\.$coupleID == seat.coupleID).all()
            let own = seats.first { $0.coupleSeat == CoupleSeat.booker.rawValue }
            let name = try await AccountRow.find(invite.invitedBy, on: db)?.name
            return (name, own?.stationID)
        }
        return SeatInvitation(
            bookerName: booker.0 ?? "Your partner", programID: seat.programID, minutes: seat.minutes,
            start: StudioTime(minutes: seat.start), stationID: seat.stationID,
            bookerStationID: booker.1 ?? seat.stationID - 1)
    }

    /// The partner takes the open seat the link offers, onto their own account: from now on it
    /// holds their time (a session of theirs at that time refuses it), follows their own care plan
    /// (screened for the program first; a refusal names the field and changes nothing), asks them
    /// the day's questions, and is theirs to cancel. The link is used up; the booker is told.
    public func takeSeat(_ caller: Caller, token: String) async throws(StudioError) -> BookingView {
        try caller.requireClient()
        let (seat, invite) = try await openSeat(token: token)
        guard invite.invitedBy != caller.accountID else {
            throw .invalid(
                "token", "you booked this session for two; send the link to the person coming with you")
        }
        guard now < StudioTime(minutes: seat.start) else {
            throw StudioError(.refused, field: "token", "the session has started; this seat can no longer be taken")
        }
        let plan = try await currentCarePlan(caller)
        let screening = ContraindicationScreening.screen(
            (plan?.plan ?? CarePlan()).health, program: catalog.program(id: seat.programID), on: today)
        if screening.isRefused {
            let refusal = BookingRules.Refusal.screening(screening.refusals)
            throw StudioError(.refused, field: refusal.field, refusal.description, problems: refusal.problems)
        }
        let version = plan?.version ?? 0
        let digest = Secret.digest(token)
        let account = caller.accountID
        let taken = try await database.write(conflict: "that seat was taken or changed a moment ago; look again") {
            db -> BookingRow in
            // Used once: of two takers at one moment, only the one whose delete finds the row goes on
            // (PostgreSQL makes the second wait for the first and then find nothing).
            guard try await Self.useInvite(digest, on: db), let row = try await BookingRow.find(seat.id, on: db),
                row.coupleSeat == CoupleSeat.open.rawValue, row.status == BookingStatus.booked.rawValue
            else { throw StudioError(.conflict, field: "token", "that seat was taken or changed a moment ago") }
            try await self.requireClientFree(account: account, start: row.start, minutes: row.minutes, on: db)
            row.accountID = account
            row.coupleSeat = CoupleSeat.partner.rawValue
            row.carePlanVersion = version
            row.sequence += 1
            try await row.update(on: db)
            try await Self.holdClientCells(row, on: db)
            try await self.queueBookingMail(.bookingConfirmed, row, on: db)
            try await self.queuePartnerNews(row, joined: true, on: db)
            return row
        }
        mailBell.ring()
        return try await booking(caller, id: taken.id ?? UUID())
    }

    /// Sends the open seat's invitation to another address (a mistyped one, or someone else): a
    /// new link, the old one no longer works. The booker's, or staff's.
    public func invitePartner(_ caller: Caller, booking id: UUID, email: String) async throws(StudioError)
        -> BookingView
    {
        let own = try await bookingRow(caller, id: id)
        let booker = Caller(accountID: own.accountID, role: .client, name: caller.name)
        let partner = try await checkPartner(email, of: booker)
        guard let couple = own.coupleID, own.coupleSeat == CoupleSeat.booker.rawValue else {
            throw StudioError(.refused, field: "partnerEmail", "this booking is not a session for two you booked")
        }
        let seats = try await database.read { db in try await Self.seats(of: couple, on: db) }
        guard let open = seats.first(where: { $0.coupleSeat == CoupleSeat.open.rawValue }), let openID = open.id,
            open.status == BookingStatus.booked.rawValue
        else {
            throw StudioError(
                .refused, field: "partnerEmail", "the seat beside you is taken or cancelled; there is no one to invite")
        }
        let name = try await database.read { db in try await AccountRow.find(own.accountID, on: db)?.name } ?? ""
        let token = Secret.make()
        let mail = try invitationMail(to: partner, from: name, seat: open, token: token)
        let now = clock.now
        try await database.write { db in
            try await PartnerInviteRow.query(on: db).filter(\.$bookingID == openID).delete()
            try await PartnerInviteRow(
                bookingID: openID, email: partner.address, tokenHash: Secret.digest(token),
                invitedBy: own.accountID, createdAt: now
            ).create(on: db)
            try await self.queueMail(mail, kind: .partnerInvitation, on: db)
        }
        mailBell.ring()
        return try await booking(caller, id: id)
    }

    /// Deletes the invitation with `digest`; whether it was still there.
    static func useInvite(_ digest: String, on db: any Database) async throws -> Bool {
        guard let sql = db as? any SQLDatabase else { return false }
        let rows = try await sql.raw(
            "DELETE FROM partner_invites WHERE token_hash = \(bind: digest) RETURNING id"
        ).all()
        return !rows.isEmpty
    }

    /// The open seat a link's token stands for, and its invitation.
    func openSeat(token: String) async throws(StudioError) -> (BookingRow, PartnerInviteRow) {
        let digest = Secret.digest(token)
        let found = try await database.read { db -> (BookingRow, PartnerInviteRow)? in
            guard let invite = try await PartnerInviteRow.query(on: db).filter(\.$tokenHash == digest).first(),
                let seat = try await BookingRow.find(invite.bookingID, on: db)
            else { return nil }
            return (seat, invite)
        }
        guard let found, found.0.coupleSeat == CoupleSeat.open.rawValue,
            found.0.status == BookingStatus.booked.rawValue
        else {
            throw .invalid(
                "token",
                "this invitation is not open any more: the seat was taken, the session cancelled or moved to "
                    + "another address's invitation; ask the person who invited you")
        }
        return found
    }
}
