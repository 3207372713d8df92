import Foundation
import Hummingbird
import UnknotCore
import UnknotStudio

extension WebPages {
    /// Client look-up for staff (issue #18): find a client by name or e-mail, then their card —
    /// how to reach them, their sessions with reports, their care plan only as far as they allowed.
    func addClientRoutes(to groups: PageGroups) {
        groups.staff.get("/staff/clients") { request, _ in
            let caller = try signedInStaff(request)
            let text = request.uri.queryParameters["q"].map(String.init) ?? ""
            var context: [String: Any] = ["q": text]
            if !text.isEmpty {
                do throws(StudioError) {
                    let found = try await studio.findClients(caller, matching: text)
                    context["found"] = found.map {
                        ["id": $0.id.uuidString.lowercased(), "name": $0.name, "email": $0.email] as [String: Any]
                    }
                    context["none"] = found.isEmpty
                } catch {
                    context["problem"] = Self.sentence(error.message)
                }
            }
            return render("clients", title: "Clients", context)
        }
        // Booking on a client's behalf: the same rules as theirs; they get the e-mail.
        groups.staff.post("/staff/clients/:id/book") { request, context in
            let caller = try signedInStaff(request)
            let id = try Self.uuid(context)
            let form = try await FormFields.read(request)
            let refusal: StudioError
            do throws(StudioError) {
                let client = try await studio.clientCaller(caller, id: id)
                let start = "\(form["date"] ?? "")T\(form["time"] ?? "")"
                let booked = try await studio.book(
                    caller, program: form["program"] ?? "", minutes: Int(form["minutes"] ?? "") ?? 0, start: start,
                    station: form["station"].flatMap { Int($0) }, for: client)
                return Self.redirect(
                    "/staff/clients/\(id.uuidString.lowercased())?booked=\(Self.escapeQuery(booked.start.spoken))")
            } catch {
                refusal = error
            }
            return try await clientPage(request, id: id, problem: Self.sentence(refusal.message))
        }
        groups.staff.get("/staff/clients/:id") { request, context in
            try await clientPage(request, id: try Self.uuid(context))
        }
    }

    func clientPage(_ request: Request, id: UUID, problem: String? = nil) async throws -> Response {
        let caller = try signedInStaff(request)
        let card = try await studio.clientCard(caller, id: id)
        let offers = try await studio.programs().filter(\.bookable)
        let now = studio.now
        return render(
            "client", title: card.name,
            [
                "name": card.name, "email": card.email,
                "bookings": card.bookings.map { booking in
                    [
                        "when": booking.start.spoken,
                        "program": studio.catalog.program(id: booking.programID)?.name ?? booking.programID,
                        "minutes": booking.minutes, "status": booking.status.text,
                        "station": "Station \(booking.stationID)", "upcoming": booking.start > now,
                        "report": booking.hasRecord
                            ? "/sessions/\(booking.id.uuidString.lowercased())/report" : "",
                    ] as [String: Any]
                },
                "hasBookings": !card.bookings.isEmpty,
                "plan": card.carePlan.map { $0.plan.card(name: card.name) } ?? "",
                "planHidden": card.carePlan == nil, "id": id.uuidString.lowercased(),
                "booked": request.uri.queryParameters["booked"].map(String.init) ?? "", "problem": problem ?? "",
                "programs": offers.map { ["id": $0.id, "name": $0.name] as [String: Any] },
                "lengths": ProgramCatalog.bookableLengths, "today": studio.today.description,
            ], status: problem == nil ? .ok : .unprocessableContent)
    }
}
