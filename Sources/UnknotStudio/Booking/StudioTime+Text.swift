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
