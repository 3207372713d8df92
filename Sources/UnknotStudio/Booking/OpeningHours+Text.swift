extension OpeningHours {
    /// Reads hours written per weekday (Monday first) as `HH:MM-HH:MM` ranges; `24:00` closes
    /// at midnight.
    public init(text days: [[String]]) throws(BookingError) {
        guard days.count == 7 else {
            throw .badHours("give 7 weekdays, Monday first (an empty list for a closed day), not \(days.count)")
        }
        var hours: [Int: [Range<Int>]] = [:]
        for (weekday, ranges) in days.enumerated() {
            hours[weekday] = try ranges.map { text throws(BookingError) in
                let ends = text.split(separator: "-", omittingEmptySubsequences: false)
                guard ends.count == 2, let open = Self.minute(ends[0]), let close = Self.minute(ends[1]), open < close
                else {
                    throw .badHours("'\(text)' is not an opening range; write it as 09:00-20:00")
                }
                return open..<close
            }
        }
        try self.init(hours)
    }

    /// Per weekday (Monday first), the ranges as `HH:MM-HH:MM`.
    public var text: [[String]] {
        days.map { ranges in ranges.map { "\(Self.clock($0.lowerBound))-\(Self.clock($0.upperBound))" } }
    }

    private static func minute(_ text: Substring) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2, let h = Int(parts[0]), let m = Int(parts[1]),
            (0...24).contains(h), (0..<60).contains(m), h * 60 + m <= 1_440
        else { return nil }
        return h * 60 + m
    }

    private static func clock(_ minute: Int) -> String {
        "\(StudioTime.two(minute / 60)):\(StudioTime.two(minute % 60))"
    }
}
