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
        return render(
            "waitlist", title: "Your waitlist",
            [
                "entries": open.map { entry in
                    [
                        "id": entry.id.uuidString.lowercased(), "program": names[entry.programID] ?? entry.programID,
                        "minutes": entry.minutes, "day": Self.day(entry.day),
                        "range": "\(Self.minuteText(entry.from)) to \(Self.minuteText(entry.to))",
                        "offered": entry.status == .offered,
                        "offer": entry.offer.map { "\($0.start.spoken), station \($0.stationID)" } ?? "",
                        "until": entry.offerExpiresAt.map {
                            StudioTime($0, in: studio.settings.timeZone).spoken
                        } ?? "",
                    ] as [String: Any]
                },
                "hasEntries": !open.isEmpty, "joined": request.uri.queryParameters["joined"] != nil,
                "problem": problem ?? "",
            ], status: status)
    }

    static func minuteText(_ minute: Int) -> String { String(format: "%02d:%02d", minute / 60, minute % 60) }

    /// The starts a client may ask for on the waitlist, every quarter hour of the day the studio opens.
    func waitlistChoices(day: CalendarDate) async throws -> [[String: Any]] {
        let hours = try await studio.openingHours()[StudioTime.weekday(ofDay: day.dayNumber)]
        var minutes: [Int] = []
        for range in hours {
            let parts = range.split(separator: "-").compactMap { part -> Int? in
                let hm = part.split(separator: ":").compactMap { Int($0) }
                return hm.count == 2 ? hm[0] * 60 + hm[1] : nil
            }
            guard parts.count == 2 else { continue }
            minutes += Array(stride(from: parts[0], to: parts[1], by: 15))
        }
        return minutes.map { ["value": Self.minuteText($0)] }
    }
}
