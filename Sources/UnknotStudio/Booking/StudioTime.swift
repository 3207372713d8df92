import UnknotCore

/// A minute of studio-local time: days since 1970-01-01 times 1,440 plus the minute of the day.
/// The studio books in its own wall-clock time, so there is no time zone arithmetic in booking.
///
/// Guarantees: ordered; `date` and `minuteOfDay` give back what made it.
public struct StudioTime: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    public var minutes: Int

    public init(minutes: Int) { self.minutes = minutes }

    public init(_ date: CalendarDate, minuteOfDay: Int) {
        minutes = date.dayNumber * 1_440 + minuteOfDay
    }

    /// `date` at `hour`:`minute`.
    public init(_ date: CalendarDate, _ hour: Int, _ minute: Int = 0) {
        self.init(date, minuteOfDay: hour * 60 + minute)
    }

    /// The day, studio-local.
    public var day: Int { minutes >= 0 ? minutes / 1_440 : (minutes - 1_439) / 1_440 }
    public var minuteOfDay: Int { minutes - day * 1_440 }
    /// 0 Monday … 6 Sunday (1970-01-01 was a Thursday).
    public var weekday: Int { Self.weekday(ofDay: day) }

    /// The weekday of studio day `day`, 0 Monday … 6 Sunday.
    public static func weekday(ofDay day: Int) -> Int { ((day + 3) % 7 + 7) % 7 }

    public static func < (lhs: StudioTime, rhs: StudioTime) -> Bool { lhs.minutes < rhs.minutes }
    public static func + (lhs: StudioTime, minutes: Int) -> StudioTime { StudioTime(minutes: lhs.minutes + minutes) }

    public var description: String {
        let m = minuteOfDay
        let hh = m / 60
        let mm = m % 60
        return "day \(day) \(hh < 10 ? "0" : "")\(hh):\(mm < 10 ? "0" : "")\(mm)"
    }
}
