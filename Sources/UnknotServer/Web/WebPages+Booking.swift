import Foundation
import Hummingbird
import UnknotCore
import UnknotStudio

extension WebPages {
    func addBookingRoutes(to router: Router<StudioRequestContext>) {
        router.get("/book") { request, _ in try await respond(request) { try await bookPage(request) } }
        router.post("/book") { request, _ in try await respond(request) { try await book(request) } }
        router.get("/bookings") { request, _ in try await respond(request) { try await bookingsPage(request) } }
        router.get("/bookings/:id") { request, context in
            try await respond(request) {
                let caller = try signedInClient(request)
                let booking = try await studio.booking(caller, id: try Self.uuid(context))
                let id = booking.id.uuidString.lowercased()
                let running = await rejoinable(caller).filter { $0["booking"] as? String == id }
                return render(
                    "booking", title: "Your booking",
                    bookingContext(booking).merging(
                        ["isNew": request.uri.queryParameters["new"] != nil, "running": running],
                        uniquingKeysWith: { $1 }))
            }
        }
        router.post("/bookings/:id/cancel") { request, context in
            try await respond(request) {
                let caller = try signedInClient(request)
                _ = try await studio.cancel(caller, id: try Self.uuid(context))
                return Self.redirect("/bookings?cancelled=1")
            }
        }
        router.get("/bookings/:id/move") { request, context in
            try await respond(request) { try await movePage(request, id: try Self.uuid(context)) }
        }
        router.post("/bookings/:id/move") { request, context in
            try await respond(request) {
                let caller = try signedInClient(request)
                let form = try await FormFields.read(request)
                let (station, start) = try Self.slot(form["slot"])
                let moved = try await studio.reschedule(
                    caller, id: try Self.uuid(context), start: start, station: station)
                return Self.redirect("/bookings/\(moved.id.uuidString.lowercased())?moved=1")
            }
        }
    }

    func bookingContext(_ booking: BookingView) -> [String: Any] {
        let now = studio.now
        let id = booking.id.uuidString.lowercased()
        let startable = booking.status == .booked && now.minutes >= booking.start.minutes - 30 && now < booking.end
        let program = studio.catalog.program(id: booking.programID)
        return [
            "id": id,
            "program": program?.name ?? booking.programID,
            "minutes": booking.minutes,
            "when": Self.when(booking.start),
            "start": booking.start.text,
            "station": "Station \(booking.stationID)",
            "status": booking.status.text,
            "isBooked": booking.status == .booked,
            "isCancelled": booking.status == .cancelled,
            "inProgress": booking.status == .inProgress,
            "canChange": booking.status == .booked && booking.start > now,
            "canStart": startable,
            "hasRecord": booking.hasRecord,
            "price": Self.money(booking.priceCents),
            "discount": booking.discountCents > 0 ? Self.money(booking.discountCents) : "",
            "hasDiscount": booking.discountCents > 0,
            "total": Self.money(booking.totalCents),
            "code": booking.promoCode ?? "",
            "calendar": "/api/bookings/\(id)/calendar.ics",
        ]
    }

    /// The booking page: programs with prices, a length, a day, the free times, and the quote
    /// with the promo code (checked by the server; the page's script checks it as it is typed).
    func bookPage(_ request: Request) async throws -> Response {
        let caller = try signedInClient(request)
        let query = request.uri.queryParameters
        let offers = try await studio.programs().filter(\.bookable)
        let chosen = query["program"].map(String.init).flatMap { id in offers.first { $0.id == id } } ?? offers.first
        let minutesAsked = query["minutes"].flatMap { Int($0) }
        let minutes =
            chosen.map { offer in
                minutesAsked.flatMap { offer.lengths.contains($0) ? $0 : nil } ?? offer.lengths.sorted().first {
                    $0 >= 30
                } ?? offer.lengths.min() ?? 30
            } ?? 30
        let today = studio.today
        let day = query["date"].flatMap { CalendarDate(String($0)) } ?? today
        let code = (query["code"].map(String.init) ?? "").trimmingCharacters(in: .whitespaces).uppercased()
        var context: [String: Any] = [
            "programs": offers.map { offer in
                [
                    "id": offer.id, "name": offer.name, "summary": offer.summary,
                    "checked": offer.id == chosen?.id,
                    "from": offer.prices.values.min().map(Self.money) ?? "",
                    "lengths": offer.lengths.sorted().map(String.init).joined(separator: ", "),
                ] as [String: Any]
            },
            "lengths": (chosen?.lengths.sorted() ?? []).map {
                ["value": $0, "selected": $0 == minutes] as [String: Any]
            },
            "date": day.description, "today": today.description, "code": code,
            "program": chosen?.id ?? "", "minutes": minutes,
        ]
        guard let chosen else { return render("book", title: "Book a session", context) }
        let quote = try await studio.quote(
            caller, program: chosen.id, minutes: minutes, code: code.isEmpty ? nil : code)
        context["quote"] = quoteContext(quote)
        var problem: String?
        var slots: [SlotView] = []
        do {
            slots = try await studio.availability(
                program: chosen.id, minutes: minutes, from: day.description, to: day.description)
        } catch {
            problem = error.description
        }
        context["problem"] = problem ?? ""
        context["hasProblem"] = problem != nil
        context["slots"] = slotContexts(slots)
        context["hasSlots"] = !slots.isEmpty
        context["dayName"] = Self.day(day)
        let next = CalendarDate(dayNumber: day.dayNumber + 1)
        let previous = CalendarDate(dayNumber: day.dayNumber - 1)
        context["nextDay"] = next.description
        context["previousDay"] = previous.dayNumber >= today.dayNumber ? previous.description : ""
        context["hasPreviousDay"] = previous.dayNumber >= today.dayNumber
        return render("book", title: "Book a session", context)
    }

    func quoteContext(_ quote: Quote) -> [String: Any] {
        var context: [String: Any] = [
            "base": quote.base.description, "discount": quote.discount.description, "total": quote.total.description,
            "hasDiscount": quote.discount.cents > 0, "summary": quote.summary,
        ]
        if case .refused(_, let reason) = quote.promo { context["refused"] = "\(reason)" }
        return context
    }

    /// One button per free time; the studio gives the session a free station (the first), and
    /// the button says how many are free.
    func slotContexts(_ slots: [SlotView]) -> [[String: Any]] {
        var byStart: [(start: StudioTime, count: Int)] = []
        for slot in slots {
            if let last = byStart.last, last.start == slot.start {
                byStart[byStart.count - 1].count += 1
            } else {
                byStart.append((slot.start, 1))
            }
        }
        return byStart.map { group in
            [
                "time": Self.clock(group.start), "value": group.start.text,
                "free": group.count == 1 ? "1 table" : "\(group.count) tables",
            ]
        }
    }

    /// A chosen time (`2026-11-24T10:00`), or a time at a station (`1|2026-11-24T10:00`).
    static func slot(_ text: String?) throws(StudioError) -> (Int?, String) {
        let parts = (text ?? "").split(separator: "|")
        if parts.count == 1, StudioTime(text: String(parts[0])) != nil { return (nil, String(parts[0])) }
        guard parts.count == 2, let station = Int(parts[0]) else {
            throw StudioError(.invalid, field: "slot", "choose one of the free times")
        }
        return (station, String(parts[1]))
    }

    func book(_ request: Request) async throws -> Response {
        let caller = try signedInClient(request)
        let form = try await FormFields.read(request)
        let (station, start) = try Self.slot(form["slot"])
        let code = (form["code"] ?? "").uppercased()
        let booking = try await studio.book(
            caller, program: form["program"] ?? "", minutes: Int(form["minutes"] ?? "") ?? 0, start: start,
            station: station, code: code.isEmpty ? nil : code)
        return Self.redirect("/bookings/\(booking.id.uuidString.lowercased())?new=1")
    }

    func bookingsPage(_ request: Request) async throws -> Response {
        let caller = try signedInClient(request)
        let bookings = try await studio.myBookings(caller)
        let now = studio.now
        let upcoming = bookings.filter { ($0.status == .booked || $0.status == .inProgress) && $0.end > now }
        let past = bookings.filter { !upcoming.contains($0) }.reversed()
        let next = try await studio.nextVisit(caller)
        var context: [String: Any] = [
            "upcoming": upcoming.map { bookingContext($0) }, "hasUpcoming": !upcoming.isEmpty,
            "past": past.map { bookingContext($0) }, "hasPast": !past.isEmpty,
            "cancelled": request.uri.queryParameters["cancelled"] != nil,
            "nextVisit": Self.sentence(next.reason),
            "feed": try await studio.calendarFeedPath(caller),
            "running": await rejoinable(caller),
        ]
        if let date = next.date { context["nextDate"] = Self.day(date) }
        return render("bookings", title: "Your bookings", context)
    }

    func movePage(_ request: Request, id: UUID) async throws -> Response {
        let caller = try signedInClient(request)
        let booking = try await studio.booking(caller, id: id)
        let today = studio.today
        let day =
            request.uri.queryParameters["date"].flatMap { CalendarDate(String($0)) }
            ?? CalendarDate(dayNumber: booking.start.day)
        var slots: [SlotView] = []
        var problem: String?
        do {
            slots = try await studio.availability(
                program: booking.programID, minutes: booking.minutes, from: day.description, to: day.description)
        } catch {
            problem = error.description
        }
        return render(
            "move", title: "Move your booking",
            bookingContext(booking).merging(
                [
                    "slots": slotContexts(slots), "hasSlots": !slots.isEmpty, "date": day.description,
                    "today": today.description, "dayName": Self.day(day), "problem": problem ?? "",
                    "hasProblem": problem != nil,
                ], uniquingKeysWith: { $1 }))
    }
}
