import Foundation
import Hummingbird
import UnknotCore
import UnknotStudio

extension WebPages {
    /// The waitlist: join from the booking page (a day and a range of starts), see one's places
    /// and an offer held for one, book it or leave.
    func addWaitlistRoutes(to groups: PageGroups) {
        groups.clients.get("/waitlist") { request, _ in try await waitlistPage(request) }
        groups.clients.post("/waitlist") { request, _ in
            let caller = try signedInClient(request)
            let form = try await FormFields.read(request)
            do throws(StudioError) {
                _ = try await studio.joinWaitlist(
                    caller, program: form["program"] ?? "", minutes: Int(form["minutes"] ?? "") ?? 0,
                    date: form["date"] ?? "", from: form["from"] ?? "", to: form["to"] ?? "")
            } catch {
                return try await waitlistPage(
                    request, problem: Self.sentence(error.message), status: .unprocessableContent)
            }
            return Self.redirect("/waitlist?joined=1")
        }
        groups.clients.post("/waitlist/:id/accept") { request, context in
            let caller = try signedInClient(request)
            let booking = try await studio.acceptOffer(caller, entry: try Self.uuid(context))
            return Self.redirect("/bookings/\(booking.id.uuidString.lowercased())?new=1")
        }
        groups.clients.post("/waitlist/:id/leave") { request, context in
            try await studio.leaveWaitlist(try signedInClient(request), entry: try Self.uuid(context))
            return Self.redirect("/waitlist")
        }
    }

    func waitlistPage(_ request: Request, problem: String? = nil, status: HTTPResponse.Status = .ok) async throws
        -> Response
    {
        let caller = try signedInClient(request)
        // Holds that ran out go to the next first, so no page shows a hold that is over.
        await studio.expireWaitlistOffers()
        let entries = try await studio.waitlist(caller)
        let names = Dictionary(
            try await studio.programs().map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let open = entries.filter { $0.status == .waiting || $0.status == .offered }
        let zone = studio.settings.timeZone
        let rows: [[String: Any]] = open.map { entry in
            let offer: String = entry.offer.map { "\($0.start.spoken), Station \($0.stationID)" } ?? ""
            let until: String = entry.offerExpiresAt.map { StudioTime($0, in: zone).spoken } ?? ""
            let range = "\(StudioTime(minutes: entry.from).clockText) to \(StudioTime(minutes: entry.to).clockText)"
            return [
                "id": entry.id.uuidString.lowercased(), "program": names[entry.programID] ?? entry.programID,
                "minutes": entry.minutes, "day": Self.day(entry.day), "range": range,
                "offered": entry.status == .offered, "offer": offer, "until": until,
            ]
        }
        return render(
            "waitlist", title: "Your waitlist",
            [
                "entries": rows, "hasEntries": !open.isEmpty, "joined": request.uri.queryParameters["joined"] != nil,
                "problem": problem ?? "",
            ], status: status)
    }

    /// The starts a client may ask for on the waitlist, every quarter hour of the day the studio opens.
    func waitlistChoices(day: CalendarDate) async throws -> [[String: Any]] {
        let hours = try await studio.openingRanges()[StudioTime.weekday(ofDay: day.dayNumber)]
        return hours.flatMap { Array(stride(from: $0.lowerBound, to: $0.upperBound, by: 15)) }.map {
            ["value": StudioTime(minutes: $0).clockText]
        }
    }
}
