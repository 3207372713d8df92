import Foundation
import Hummingbird
import UnknotCore
import UnknotStudio

extension WebPages {
    func addBookingRoutes(to groups: PageGroups) {
        groups.anyone.get("/book") { request, _ in try await bookPage(request) }
        groups.clients.post("/book") { request, _ in try await book(request) }
        groups.clients.get("/bookings") { request, _ in try await bookingsPage(request) }
        groups.clients.get("/bookings/:id") { request, context in
            try await bookingPage(request, id: try Self.uuid(context))
        }
        groups.clients.get("/bookings/:id/cancel") { request, context in
            let caller = try signedInClient(request)
            let booking = try await studio.booking(caller, id: try Self.uuid(context))
            let values = bookingContext(booking).merging(try await dayContext(caller, booking)) { $1 }
            return render("cancel", title: "Cancel your booking?", values)
        }
        groups.clients.post("/bookings/:id/cancel") { request, context in
            let caller = try signedInClient(request)
            _ = try await studio.cancel(caller, id: try Self.uuid(context))
            return Self.redirect("/bookings?cancelled=1")
        }
        groups.clients.get("/bookings/:id/move") { request, context in
            try await movePage(request, id: try Self.uuid(context))
        }
        groups.clients.post("/bookings/:id/move") { request, context in
            let caller = try signedInClient(request)
            let id = try Self.uuid(context)
            let form = try await FormFields.read(request)
            let refusal: StudioError
            do throws(StudioError) {
                let (station, start) = try Self.slot(form["slot"])
                let moved = try await studio.reschedule(caller, id: id, start: start, station: station)
                return Self.redirect("/bookings/\(moved.id.uuidString.lowercased())?moved=1")
            } catch {
                refusal = error
            }
            if refusal.kind == .unauthorized || refusal.kind == .notFound { throw refusal }
            // Refused: the same day's times again, with why (nothing is lost).
            let day = (form["slot"]?.split(separator: "|").last).flatMap { StudioTime(text: String($0)) }
            return try await movePage(
                request, id: id, day: day.map { CalendarDate(dayNumber: $0.day) }, refusal: refusal)
        }
    }

    func bookingContext(_ booking: BookingView) -> [String: Any] {
        let now = studio.now
        let id = booking.id.uuidString.lowercased()
        let startable = booking.status == .booked && now.minutes >= booking.start.minutes - 30 && now < booking.end
        let program = studio.catalog.program(id: booking.programID)
        let changes = studio.settings.rules.changes(start: booking.start, now: now)
        let upcoming = booking.status == .booked && booking.start > now
        // Past a cut-off the page says so and how to reach a person, rather than offering a button
        // the studio would refuse (issue #18, defect 2).
        let late = [changes.cancel, changes.move].compactMap { $0 }.first.map {
            Self.sentence("\($0); to change it now, \(studio.settings.contactClause)")
        }
        // A partner cannot move the session for two that someone else booked (its booker moves both).
        let partnerSeat = booking.couple.map { $0.seat == .partner && $0.otherStatus == .booked } ?? false
        return [
            "id": id,
            "program": program?.name ?? booking.programID,
            "minutes": booking.minutes,
            "when": booking.start.spoken,
            "start": booking.start.text,
            "station": "Station \(booking.stationID)",
            "status": booking.status.text,
            "isBooked": booking.status == .booked,
            "isCancelled": booking.status == .cancelled,
            "inProgress": booking.status == .inProgress,
            "canCancel": upcoming && changes.cancel == nil,
            "canMove": upcoming && changes.move == nil && !partnerSeat,
            "tooLate": upcoming ? (late ?? "") : "",
            "canStart": startable,
            "hasRecord": booking.hasRecord,
            "price": Self.money(booking.priceCents),
            "discount": booking.discountCents > 0 ? Self.money(booking.discountCents) : "",
            "hasDiscount": booking.discountCents > 0,
            "total": Self.money(booking.totalCents),
            "code": booking.promoCode ?? "",
            "calendar": "/api/bookings/\(id)/calendar.ics",
            "forTwo": booking.couple != nil,
            "couple": booking.couple.map { coupleText($0, station: booking.stationID) } ?? "",
            "canInvite": upcoming && booking.couple.map { $0.otherSeat == .open && $0.otherStatus == .booked } == true,
            "invitedEmail": booking.couple?.invitedEmail ?? "",
        ]
    }

    /// The booking page: programs with prices, a length, a day, the free times, and the quote
    /// with the promo code (checked by the server; the page's script checks it as it is typed).
    func bookPage(_ request: Request, choice: BookingChoice? = nil, refusal: StudioError? = nil) async throws
        -> Response
    {
        // Open to visitors: what is offered, its price and its free times come before an account
        // (the review step asks them to sign up or in, keeping the choice).
        let caller = RequestCaller.current
        if caller?.role.isStaff == true { throw PageRedirect("/staff") }
        let choice = choice ?? BookingChoice(request.uri.queryParameters)
        let offers = try await studio.programs().filter(\.bookable)
        let chosen = choice.program.flatMap { id in offers.first { $0.id == id } } ?? offers.first
        var notices: [String] = []
        var minutes = 30
        if let offer = chosen {
            let fallback = offer.lengths.sorted().first { $0 >= 30 } ?? offer.lengths.min() ?? 30
            minutes = choice.minutes ?? fallback
            if !offer.lengths.contains(minutes) {
                notices.append(
                    Self.sentence(Studio.lengthsMessage(name: offer.name, lengths: offer.lengths, minutes))
                        + " Showing \(fallback) minutes.")
                minutes = fallback
            }
        }
        let today = studio.today
        var day = choice.date ?? today
        let lastDay = CalendarDate(dayNumber: today.dayNumber + studio.settings.rules.maximumDaysAhead)
        if day < today {
            // A day gone by: say so and show today (issue #18, defect 9).
            notices.append("\(Self.day(day)) has passed. Here are today's free times.")
            day = today
        } else if day > lastDay {
            notices.append(
                "Bookings open \(studio.settings.rules.maximumDaysAhead) days ahead: the last day you can book now is "
                    + "\(Self.day(lastDay)).")
            day = lastDay
        }
        let code = choice.code
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
            "date": day.description, "today": today.description, "lastDay": lastDay.description, "code": code,
            "notices": notices, "refusal": refusal.map { Self.sentence($0.message) } ?? "",
            "program": chosen?.id ?? "", "minutes": minutes, "people": choice.people, "forTwo": choice.people == 2,
        ]
        guard let chosen else {
            return render("book", title: "Book a session", context, status: Self.status(of: refusal))
        }
        let quote =
            if let caller {
                try await studio.quote(caller, program: chosen.id, minutes: minutes, code: code.isEmpty ? nil : code)
            } else {
                try await studio.quoteForVisitor(program: chosen.id, minutes: minutes, code: code.isEmpty ? nil : code)
            }
        context["quote"] = quoteContext(quote)
        var problem: String?
        var slots: [SlotView] = []
        do throws(StudioError) {
            slots = try await studio.availability(
                program: chosen.id, minutes: minutes, from: day.description, to: day.description, for: caller,
                people: choice.people)
        } catch {
            problem = Self.sentence(error.message)
        }
        context["problem"] = problem ?? ""
        context["hasProblem"] = problem != nil
        context["slots"] = slotContexts(slots)
        context["hasSlots"] = !slots.isEmpty
        context["dayName"] = Self.day(day)
        context["signedIn"] = caller != nil
        let waitTimes = try await waitlistChoices(day: day)
        context["waitTimes"] = waitTimes
        context["waitTimesLate"] = Array(waitTimes.reversed())
        let next = CalendarDate(dayNumber: day.dayNumber + 1)
        let previous = CalendarDate(dayNumber: day.dayNumber - 1)
        context["nextDay"] = next <= lastDay ? next.description : ""
        context["hasNextDay"] = next <= lastDay
        context["previousDay"] = previous.dayNumber >= today.dayNumber ? previous.description : ""
        context["hasPreviousDay"] = previous.dayNumber >= today.dayNumber
        return render("book", title: "Book a session", context, status: Self.status(of: refusal))
    }

    /// The page's status: 200, or the refusal's own (409 for a time taken meanwhile, 403 for a rule).
    static func status(of refusal: StudioError?) -> HTTPResponse.Status {
        guard let refusal, let report = ProblemReport.from(refusal) else { return .ok }
        return HTTPResponse.Status(code: report.status)
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
    /// the button says how many are free (for two: which pair, or how many pairs).
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
            let pair = slots.first { $0.start == group.start }.flatMap { s in
                s.partnerStationID.map { (s.stationID, $0) }
            }
            let free =
                if let pair {
                    group.count == 1 ? "stations \(pair.0) and \(pair.1)" : "\(group.count) pairs free"
                } else {
                    group.count == 1 ? "1 station free" : "\(group.count) stations free"
                }
            return ["time": Self.clock(group.start), "value": group.start.text, "free": free]
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
        let choice = BookingChoice(form: form)
        let partner = (form["partnerEmail"] ?? "").trimmingCharacters(in: .whitespaces)
        let refusal: StudioError
        do throws(StudioError) {
            if choice.people == 2, partner.isEmpty {
                throw StudioError(
                    .invalid, field: "partnerEmail", "give the e-mail address of the person coming with you")
            }
            let (station, start) = try Self.slot(form["slot"])
            let booking = try await studio.book(
                caller, program: form["program"] ?? "", minutes: Int(form["minutes"] ?? "") ?? 0, start: start,
                station: station, code: choice.code.isEmpty ? nil : choice.code,
                partnerEmail: choice.people == 2 ? partner : nil)
            return Self.redirect("/bookings/\(booking.id.uuidString.lowercased())?new=1")
        } catch {
            refusal = error
        }
        if refusal.kind == .unauthorized { throw refusal }
        // A partner's address refused: the review again, the address kept, the problem at its field.
        if choice.people == 2, refusal.field == "partnerEmail" {
            return try await reviewPage(
                request, choice: choice, slot: form["slot"] ?? "", partnerEmail: partner, refusal: refusal)
        }
        // Refused (taken a moment ago, a rule): the same choice again with why, nothing lost
        // (issue #18, defect 1: "Back" used to lose the program and the code).
        return try await bookPage(request, choice: choice, refusal: refusal)
    }

    func bookingsPage(_ request: Request) async throws -> Response {
        let caller = try signedInClient(request)
        let bookings = try await studio.myBookings(caller)
        let now = studio.now
        let upcoming = bookings.filter { ($0.status == .booked || $0.status == .inProgress) && $0.end > now }
        // A cancelled session still to come is neither coming up nor before (issue #18, defect 10).
        let cancelled = bookings.filter { $0.status == .cancelled && $0.start > now }
        let past = bookings.filter { !upcoming.contains($0) && !cancelled.contains($0) }.reversed()
        let next = try await studio.nextVisit(caller)
        var context: [String: Any] = [
            "upcoming": upcoming.map { bookingContext($0) }, "hasUpcoming": !upcoming.isEmpty,
            "past": past.map { bookingContext($0) }, "hasPast": !past.isEmpty,
            "cancelledUpcoming": cancelled.map { bookingContext($0) }, "hasCancelled": !cancelled.isEmpty,
            "cancelled": request.uri.queryParameters["cancelled"] != nil,
            "nextVisit": Self.sentence(next.reason),
            "feed": try await studio.calendarFeedPath(caller),
            "running": await rejoinable(caller),
        ]
        if let date = next.date { context["nextDate"] = Self.day(date) }
        return render("bookings", title: "Your bookings", context)
    }

    func movePage(_ request: Request, id: UUID, day chosen: CalendarDate? = nil, refusal: StudioError? = nil)
        async throws -> Response
    {
        let caller = try signedInClient(request)
        let booking = try await studio.booking(caller, id: id)
        let today = studio.today
        var day =
            chosen ?? request.uri.queryParameters["date"].flatMap { CalendarDate(String($0)) }
            ?? CalendarDate(dayNumber: booking.start.day)
        if day < today { day = today }
        var slots: [SlotView] = []
        var problem: String?
        if let cannot = studio.settings.rules.changes(start: booking.start, now: studio.now).move {
            problem = Self.sentence("\(studio.refusalText(cannot))")
        } else {
            do throws(StudioError) {
                slots = try await studio.availability(
                    program: booking.programID, minutes: booking.minutes, from: day.description, to: day.description,
                    for: caller, moving: booking.id)
            } catch {
                problem = Self.sentence(error.message)
            }
        }
        return render(
            "move", title: "Move your booking",
            bookingContext(booking).merging(
                [
                    "slots": slotContexts(slots), "hasSlots": !slots.isEmpty, "date": day.description,
                    "today": today.description, "dayName": Self.day(day), "problem": problem ?? "",
                    "hasProblem": problem != nil, "refusal": refusal.map { Self.sentence($0.message) } ?? "",
                ], uniquingKeysWith: { $1 }), status: Self.status(of: refusal))
    }
}
