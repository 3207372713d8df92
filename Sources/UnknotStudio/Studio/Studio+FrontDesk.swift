import Foundation
import UnknotCore

/// What the studio tells anyone, signed in or not: when it is open, its policy, and a price for
/// someone who has not booked before.
extension Studio {
    /// When the studio is open, weekday by weekday (Monday first): the union of its stations in
    /// service, as minutes of the day (an empty list: closed that day).
    public func openingRanges() async throws(StudioError) -> [[Range<Int>]] {
        let stations = try await allStations().filter { $0.status == .inService }
        return (0..<7).map { weekday in
            var merged: [Range<Int>] = []
            for range in stations.flatMap({ $0.hours.days[weekday] }).sorted(by: { $0.lowerBound < $1.lowerBound }) {
                if let last = merged.last, range.lowerBound <= last.upperBound {
                    merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
                } else {
                    merged.append(range)
                }
            }
            return merged
        }
    }

    /// ``openingRanges()`` as `HH:MM-HH:MM`.
    public func openingHours() async throws(StudioError) -> [[String]] {
        try await openingRanges().map { day in
            day.map {
                "\(StudioTime(minutes: $0.lowerBound).clockText)-\(StudioTime(minutes: $0.upperBound).clockText)"
            }
        }
    }

    /// The cancellation and change policy in plain words, from the studio's rules.
    public var policy: String {
        let rules = settings.rules
        let notice =
            rules.minimumNotice == 0
            ? "Book up to \(rules.maximumDaysAhead) days ahead, even for now"
            : "Book at least \(rules.minimumNotice) minutes ahead, up to \(rules.maximumDaysAhead) days"
        return
            "\(notice). Cancel online "
            + "until \(rules.cancelCutOff / 60) hours before your session at no charge, and move it until "
            + "\(rules.rescheduleCutOff / 60) hours before; after that, \(settings.contactClause)."
    }

    /// A price for a visitor who has not signed in: as for a client's first session (a
    /// first-visit code applies), checked again when they book.
    public func quoteForVisitor(program id: String, minutes: Int, code: String?) async throws(StudioError) -> Quote {
        let program = try await offeredProgram(id)
        return try await quote(program: program, minutes: minutes, code: code, history: PromoHistory())
    }
}
