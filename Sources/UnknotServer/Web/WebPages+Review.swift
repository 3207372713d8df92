import Foundation
import Hummingbird
import UnknotCore
import UnknotStudio

extension WebPages {
    /// The review step between a chosen time and a booking: what, when, where, the price with
    /// its code, and the policy, then one button (issue #18). A visitor signs up or in here, and
    /// comes back to this very page (its address carries the choice).
    func addReviewRoutes(to groups: PageGroups) {
        groups.anyone.get("/book/review") { request, _ in try await reviewPage(request) }
    }

    /// The review of `choice` at `slot` (from the address, or from a refused form with the
    /// partner's address typed and why it was refused).
    func reviewPage(
        _ request: Request, choice chosen: BookingChoice? = nil, slot chosenSlot: String? = nil,
        partnerEmail: String = "", refusal: StudioError? = nil
    ) async throws -> Response {
        let caller = RequestCaller.current
        if caller?.role.isStaff == true { throw PageRedirect("/staff") }
        let query = request.uri.queryParameters
        let choice = chosen ?? BookingChoice(query)
        let slot = chosenSlot ?? query["slot"].map(String.init) ?? ""
        let (station, startText) = try Self.slot(slot)
        guard let start = StudioTime(text: startText), let program = choice.program,
            let offer = try await studio.programs().first(where: { $0.id == program && $0.bookable })
        else {
            throw StudioError(.invalid, field: "slot", "choose a program and one of its free times first")
        }
        let minutes = choice.minutes ?? 0
        guard offer.lengths.contains(minutes) else {
            throw StudioError(
                .invalid, field: "minutes", Studio.lengthsMessage(name: offer.name, lengths: offer.lengths, minutes))
        }
        let code = choice.code.isEmpty ? nil : choice.code
        let quote =
            if let caller {
                try await studio.quote(caller, program: program, minutes: minutes, code: code)
            } else {
                try await studio.quoteForVisitor(program: program, minutes: minutes, code: code)
            }
        let back = "/book?" + choice.query(day: CalendarDate(dayNumber: start.day))
        let here =
            chosen == nil
            ? Self.pathAndQuery(request)
            : "/book/review?" + choice.query(day: CalendarDate(dayNumber: start.day)) + "&slot="
                + Self.escapeQuery(slot)
        var context: [String: Any] = [
            "program": program, "programName": offer.name, "summary": offer.summary, "minutes": minutes,
            "when": start.spoken, "until": (start + minutes).clockText, "slot": slot, "code": choice.code,
            "station": station.map { "Station \($0)" } ?? "", "quote": quoteContext(quote), "policy": studio.policy,
            "back": back, "signedIn": caller != nil, "next": here, "nextQuery": Self.escapeQuery(here),
            "studio": studio.settings.studioName, "address": studio.settings.address,
            "people": choice.people, "forTwo": choice.people == 2, "partnerEmail": partnerEmail,
            "partnerProblem": refusal.map { Self.sentence($0.message) } ?? "",
        ]
        if choice.people == 2 {
            // One payer for two seats: twice the price, the code's discount on one seat.
            context["quote"] = quoteContext(
                Quote(base: quote.base + quote.base, discount: quote.discount, promo: quote.promo))
            context["station"] =
                station.map { "Stations \($0) and \($0 + 1), side by side" } ?? "Two stations side by side"
        }
        if caller == nil, let mailFolder { context["mailFolder"] = mailFolder }
        return render("review", title: "Review your booking", context, status: Self.status(of: refusal))
    }
}
