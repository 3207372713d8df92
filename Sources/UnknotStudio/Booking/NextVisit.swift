import UnknotCore

/// When to suggest the next visit, from a client's history: regulars come about every four
/// weeks, when tension has built up again (CARE.md section 6).
///
/// Guarantees: with two or more past sessions, the suggestion follows the client's own rhythm
/// (the median gap between visits, kept within 1 to 8 weeks); with fewer, four weeks after
/// the last; never a day in the past.
public enum NextVisit {
    /// The usual gap, days.
    public static let usualGap = 28

    /// The suggested day, or `nil` for a client with no session yet.
    public static func suggestion(after sessions: [CalendarDate], today: CalendarDate) -> CalendarDate? {
        let days = sessions.map(\.dayNumber).sorted()
        guard let last = days.last else { return nil }
        var gap = usualGap
        if days.count >= 2 {
            let gaps = zip(days, days.dropFirst()).map { $1 - $0 }.filter { $0 > 0 }.sorted()
            if !gaps.isEmpty {
                let middle = gaps.count / 2
                let median = gaps.count % 2 == 1 ? gaps[middle] : (gaps[middle - 1] + gaps[middle]) / 2
                gap = min(56, max(7, median))
            }
        }
        let day = max(last + gap, today.dayNumber + 1)
        return CalendarDate(dayNumber: day)
    }
}
