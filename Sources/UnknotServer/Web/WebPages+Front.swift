import Foundation
import Hummingbird
import UnknotCore
import UnknotStudio

extension WebPages {
    /// The front page for a visitor (issue #18): the programs with what each does, its lengths
    /// and prices; the next free times; where the studio is, its hours and its policy — before
    /// anyone signs up. Booking starts from here and asks for an account only at the review.
    func frontPage() async throws -> Response {
        let offers = try await studio.programs().filter(\.bookable)
        let hours = try await studio.openingHours()
        let today = studio.today
        var next: [[String: Any]] = []
        if let first = offers.first,
            let minutes = first.lengths.sorted().first(where: { $0 >= 30 }) ?? first.lengths.min()
        {
            // The next free times for the first program, over the coming week.
            let slots = try await studio.availability(
                program: first.id, minutes: minutes, from: today.description,
                to: CalendarDate(dayNumber: today.dayNumber + 6).description)
            var seen: Set<StudioTime> = []
            for slot in slots where seen.insert(slot.start).inserted && seen.count <= 6 {
                next.append([
                    "when": slot.start.spoken,
                    "href": "/book/review?program=\(first.id)&minutes=\(minutes)&slot=\(slot.start.text)",
                ])
            }
        }
        let settings = studio.settings
        let firstVisit = try await studio.firstVisitOffers()
        return render(
            "welcome", title: settings.studioName,
            [
                "studio": settings.studioName, "address": settings.address,
                "contact": Self.sentence(settings.contactClause),
                "policy": studio.policy,
                "offers": firstVisit.map { Self.sentence($0) }, "hasOffers": !firstVisit.isEmpty,
                "programs": offers.map { offer in
                    [
                        "id": offer.id, "name": offer.name, "summary": offer.summary,
                        "prices": offer.lengths.sorted().map { minutes in
                            [
                                "minutes": minutes, "price": offer.prices[minutes].map(Self.money) ?? "—",
                                "href": "/book?program=\(offer.id)&minutes=\(minutes)",
                            ] as [String: Any]
                        },
                    ] as [String: Any]
                },
                "hours": hours.enumerated().map { weekday, ranges in
                    ["day": Self.weekdays[weekday], "open": ranges.isEmpty ? "closed" : ranges.joined(separator: ", ")]
                },
                "nextTimes": next, "hasNextTimes": !next.isEmpty,
                "nextProgram": offers.first?.name ?? "",
            ])
    }
}
