import Foundation
import UnknotCore

extension StudioTime {
    /// Reads `YYYY-MM-DDTHH:MM`; `nil` for anything else (or a time that does not exist).
    public init?(text: String) {
        let parts = text.split(separator: "T", omittingEmptySubsequences: false)
        guard parts.count == 2, let date = CalendarDate(String(parts[0])) else { return nil }
        let clock = parts[1].split(separator: ":", omittingEmptySubsequences: false)
        guard clock.count == 2, clock[0].count == 2, clock[1].count == 2,
            clock.allSatisfy({ $0.utf8.allSatisfy { (0x30...0x39).contains($0) } }), let hour = Int(clock[0]),
            let minute = Int(clock[1]), (0..<24).contains(hour), (0..<60).contains(minute)
        else { return nil }
        self.init(date, hour, minute)
    }

    /// `YYYY-MM-DDTHH:MM`.
    public var text: String {
        let m = minuteOfDay
        return "\(CalendarDate(dayNumber: day))T\(Self.two(m / 60)):\(Self.two(m % 60))"
    }

    /// The studio-local time of an instant.
    public init(_ instant: Date, in zone: TimeZone) {
        let local = instant.timeIntervalSince1970 + Double(zone.secondsFromGMT(for: instant))
        self.init(minutes: Int((local / 60).rounded(.down)))
    }

    /// The instant this studio-local time is, in `zone` (a time skipped by a clock change is
    /// read with the offset before it).
    public func instant(in zone: TimeZone) -> Date {
        let guess = Date(timeIntervalSince1970: Double(minutes) * 60)
        let first = guess.addingTimeInterval(-Double(zone.secondsFromGMT(for: guess)))
        return guess.addingTimeInterval(-Double(zone.secondsFromGMT(for: first)))
    }

    static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}

extension StudioTime {
    static let weekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ]

    /// "Monday 23 November", the day as people say it.
    public static func spokenDay(_ date: CalendarDate) -> String {
        "\(weekdayNames[weekday(ofDay: date.dayNumber)]) \(date.day) \(monthNames[max(1, min(12, date.month)) - 1])"
    }

    /// "10:00".
    public var clockText: String { "\(Self.two(minuteOfDay / 60)):\(Self.two(minuteOfDay % 60))" }

    /// "Monday 23 November, 10:00": a time as people read it (never the `2026-11-23T10:00` of the API).
    public var spoken: String { "\(Self.spokenDay(CalendarDate(dayNumber: day))), \(clockText)" }
}
