import Foundation
import Hummingbird
import UnknotCore
import UnknotStudio

extension WebPages {
    /// Sessions for two (issue #18): the booking page with its partner's seat, the invitation's
    /// link page (`/join?token=…`, open to anyone holding the link: a visitor signs up or in and
    /// comes back to it), taking the seat, and sending the invitation to another address.
    func addCoupleRoutes(to groups: PageGroups) {
        groups.anyone.get("/join") { request, _ in
            try await joinPage(request, token: request.uri.queryParameters["token"].map(String.init) ?? "")
        }
        groups.clients.post("/join") { request, _ in
            let caller = try signedInClient(request)
            let form = try await FormFields.read(request)
            let token = form["token"] ?? ""
            let refusal: StudioError
            do throws(StudioError) {
                let seat = try await studio.takeSeat(caller, token: token)
                return Self.redirect("/bookings/\(seat.id.uuidString.lowercased())?joined=1")
            } catch {
                refusal = error
            }
            if refusal.kind == .unauthorized { throw refusal }
            return try await joinPage(request, token: token, refusal: refusal)
        }
        groups.clients.post("/bookings/:id/partner") { request, context in
            let caller = try signedInClient(request)
            let id = try Self.uuid(context)
            let form = try await FormFields.read(request)
            let email = form["partnerEmail"] ?? ""
            let refusal: StudioError
            do throws(StudioError) {
                _ = try await studio.invitePartner(caller, booking: id, email: email)
                return Self.redirect("/bookings/\(id.uuidString.lowercased())?invited=1")
            } catch {
                refusal = error
            }
            if refusal.kind == .unauthorized || refusal.kind == .notFound { throw refusal }
            return try await bookingPage(request, id: id, partnerEmail: email, refusal: refusal)
        }
    }

    /// A booking of the caller's, with its day's questions, the session to rejoin, and for two the
    /// seat beside it (the invitation form while it is open).
    func bookingPage(_ request: Request, id: UUID, partnerEmail: String = "", refusal: StudioError? = nil)
        async throws -> Response
    {
        let caller = try signedInClient(request)
        let booking = try await studio.booking(caller, id: id)
        let key = booking.id.uuidString.lowercased()
        var values = bookingContext(booking).merging(try await dayContext(caller, booking)) { $1 }
        let query = request.uri.queryParameters
        values["isNew"] = query["new"] != nil
        values["answered"] = query["answered"] != nil
        values["joined"] = query["joined"] != nil
        values["invited"] = query["invited"] != nil
        values["running"] = await rejoinable(caller).filter { $0["booking"] as? String == key }
        values["partnerEmail"] = partnerEmail
        values["partnerProblem"] = refusal.map { Self.sentence($0.message) } ?? ""
        return render("booking", title: "Your booking", values, status: Self.status(of: refusal))
    }

    /// Who sits in a booking's seat, as the staff's calendar and floor name them: a seat kept for
    /// a partner says so (it is not its booker's session), a seat of two names the station beside.
    static func staffClientLabel(_ booking: BookingView) -> String {
        let name = booking.clientName ?? "a client"
        guard let couple = booking.couple else { return name }
        if couple.seat == .open { return "seat kept for the partner of \(name) (Station \(couple.otherStationID))" }
        return couple.otherStatus == .cancelled ? name : "\(name) (for two, with Station \(couple.otherStationID))"
    }

    /// The seat beside this one, in a sentence for the person in this seat.
    func coupleText(_ couple: CoupleView, station: Int) -> String {
        let other = "Station \(couple.otherStationID)"
        if couple.otherStatus == .cancelled {
            return couple.seat == .partner
                ? "For two: the session beside you (\(other)) was cancelled; your own seat stands."
                : "For two: the seat beside you (\(other)) was cancelled; your own session stands."
        }
        switch (couple.seat, couple.otherSeat) {
        case (.booker, .open):
            return "For two: you at Station \(station); the seat beside you (\(other)) is kept for "
                + "\(couple.invitedEmail ?? "your partner"), who has not taken it yet."
        case (.partner, _):
            let name = couple.otherName ?? "your partner"
            return "For two, booked by \(name): you at Station \(station), \(name) beside you at \(other). "
                + "\(name) paid for both seats."
        case (.open, _):
            return "For two: this seat is kept for \(couple.invitedEmail ?? "the partner invited")."
        default:
            return "For two: you at Station \(station), \(couple.otherName ?? "your partner") beside you at \(other)."
        }
    }

    /// The invitation's page: who invites, to what, and one button (or sign up / sign in first).
    func joinPage(_ request: Request, token: String, refusal: StudioError? = nil) async throws -> Response {
        let caller = RequestCaller.current
        let invitation: SeatInvitation
        do {
            invitation = try await studio.seatInvitation(token: token)
        } catch {
            return render(
                "join", title: "An invitation for two",
                ["closed": Self.sentence(error.message), "studio": studio.settings.studioName],
                status: .unprocessableContent)
        }
        let program = studio.catalog.program(id: invitation.programID)
        let here = "/join?token=\(Self.escapeQuery(token))"
        let context: [String: Any] = [
            "token": token, "booker": invitation.bookerName, "program": program?.name ?? invitation.programID,
            "summary": program?.summary ?? "", "minutes": invitation.minutes, "when": invitation.start.spoken,
            "until": (invitation.start + invitation.minutes).clockText, "station": "Station \(invitation.stationID)",
            "bookerStation": "Station \(invitation.bookerStationID)", "studio": studio.settings.studioName,
            "address": studio.settings.address, "signedIn": caller != nil,
            "isClient": caller?.role == .client, "next": here, "nextQuery": Self.escapeQuery(here),
            "refusal": refusal.map { Self.sentence($0.message) } ?? "",
        ]
        return render("join", title: "An invitation for two", context, status: Self.status(of: refusal))
    }
}
