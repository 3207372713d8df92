import FluentKit
import Foundation

extension Studio {
    /// The invitation to the open seat: who booked, what, when and where, and the link that takes
    /// the seat (with the partner's own account and care plan; nothing of the booker's shown).
    func invitationMail(to partner: MailAddress, from bookerName: String, seat: BookingRow, token: String)
        throws(StudioError) -> MailMessage
    {
        let program = catalog.program(id: seat.programID)?.name ?? seat.programID
        let when = Self.mailDate(StudioTime(minutes: seat.start).instant(in: settings.timeZone), in: settings.timeZone)
        let text = """
            Hello,

            \(bookerName) booked a session for two at \(settings.studioName) and kept the station \
            beside them for you: \(program), \(seat.minutes) minutes, \(when), Station \(seat.stationID).

            To take your place, open this link. You sign in or create an account, and the session \
            follows your own care plan (what you like, what to avoid); \(bookerName) sees none of it:

            \(settings.publicURL)/join?token=\(token)

            The link works until the session starts, or until \(bookerName) changes the booking. If you \
            did not expect this, ignore this e-mail: nothing is booked in your name.

            \(settings.studioName)
            \(settings.address)
            """
        return try studioMail(to: partner, subject: "\(bookerName) invites you: \(program) \(when)", text: text)
    }

    /// Tells the booker that their partner took the seat beside them (`joined`) or left it.
    func queuePartnerNews(_ seat: BookingRow, joined: Bool, on db: any Database) async throws {
        guard let couple = seat.coupleID,
            let own = try await BookingRow.query(on: db).filter(\.$coupleID == couple)
                .filter(\.$coupleSeat == CoupleSeat.booker.rawValue).first(),
            let booker = try await AccountRow.find(own.accountID, on: db),
            let partner = try await AccountRow.find(seat.accountID, on: db),
            let recipient = try? MailAddress(booker.email, name: booker.name), let id = own.id
        else { return }
        let program = catalog.program(id: seat.programID)?.name ?? seat.programID
        let when = Self.mailDate(StudioTime(minutes: seat.start).instant(in: settings.timeZone), in: settings.timeZone)
        let news =
            joined
            ? "\(partner.name) took the place beside you: \(program), \(when), Station \(seat.stationID)."
            : "\(partner.name) cancelled their place beside you (\(program), \(when)). Your own session stands."
        let text = """
            Hello \(booker.name),

            \(news)

            Your booking: \(settings.publicURL)/bookings/\(id.uuidString.lowercased())

            \(settings.studioName)
            \(settings.address)
            """
        let subject = joined ? "\(partner.name) joins you: \(program) \(when)" : "\(partner.name) cancelled: \(program)"
        try await queueMail(try studioMail(to: recipient, subject: subject, text: text), kind: .partnerNews, on: db)
    }
}
