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

    func reviewPage(_ request: Request) async throws -> Response {
        let caller = RequestCaller.current
        if caller?.role.isStaff == true { throw PageRedirect("/staff") }
        let query = request.uri.queryParameters
        let choice = BookingChoice(query)
        let slot = query["slot"].map(String.init) ?? ""
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
        let back =
            "/book?program=\(program)&minutes=\(minutes)&date=\(CalendarDate(dayNumber: start.day))"
            + "&code=\(Self.escapeQuery(choice.code))"
        let here = Self.pathAndQuery(request)
        var context: [String: Any] = [
            "program": program, "programName": offer.name, "summary": offer.summary, "minutes": minutes,
            "when": start.spoken, "until": (start + minutes).clockText, "slot": slot, "code": choice.code,
            "station": station.map { "Station \($0)" } ?? "", "quote": quoteContext(quote), "policy": studio.policy,
            "back": back, "signedIn": caller != nil, "next": here, "nextQuery": Self.escapeQuery(here),
            "studio": studio.settings.studioName, "address": studio.settings.address,
        ]
        if caller == nil, let mailFolder { context["mailFolder"] = mailFolder }
        return render("review", title: "Review your booking", context)
    }
}
