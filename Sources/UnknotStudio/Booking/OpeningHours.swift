/// When a station takes clients, per weekday (0 Monday … 6 Sunday), as minute-of-day ranges.
///
/// Guarantees: ranges lie within the day, are not empty and do not overlap (they are merged).
public struct OpeningHours: Hashable, Sendable, Codable {
    /// Per weekday, sorted, non-overlapping `start..<end` minute ranges.
    public private(set) var days: [[Range<Int>]]

    /// - Throws: ``BookingError/badHours(_:)`` for a weekday outside 0...6 or a range outside the day.
    public init(_ hours: [Int: [Range<Int>]]) throws(BookingError) {
        var days = Array(repeating: [Range<Int>](), count: 7)
        for (weekday, ranges) in hours {
            guard (0...6).contains(weekday) else {
                throw .badHours("weekday \(weekday) is not 0 (Monday) to 6 (Sunday)")
            }
            for r in ranges {
                guard r.lowerBound >= 0, r.upperBound <= 1_440, !r.isEmpty else {
                    throw .badHours("\(r.lowerBound)-\(r.upperBound) is not a range of minutes within one day")
                }
            }
            var merged: [Range<Int>] = []
            for r in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
                if let last = merged.last, r.lowerBound <= last.upperBound {
                    merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, r.upperBound)
                } else {
                    merged.append(r)
                }
            }
            days[weekday] = merged
        }
        self.days = days
    }

    /// The demo studio: Monday to Saturday 9:00-20:00, Sunday 10:00-16:00.
    public static let standard: OpeningHours = {
        var days = Array(repeating: [9 * 60..<20 * 60], count: 6)
        days.append([10 * 60..<16 * 60])
        return OpeningHours(checked: days)
    }()

    private init(checked days: [[Range<Int>]]) { self.days = days }
}
