import Foundation

/// An iCalendar file (RFC 5545) of bookings: one event for a booking's `.ics`, many for a
/// client's private feed. Times are written in UTC, so no time-zone definitions are needed.
///
/// Guarantees: CRLF line endings; content lines folded at 75 octets without splitting a UTF-8
/// character; text values escaped (backslash, semicolon, comma, newline); a cancelled booking
/// is written with `STATUS:CANCELLED` and a higher `SEQUENCE`, so calendars remove it.
public struct CalendarFile: Sendable {
    public var name: String
    public var events: [CalendarEvent]
    /// When the file was made (`DTSTAMP`).
    public var stamp: Date

    public init(name: String, events: [CalendarEvent], stamp: Date = Date()) {
        self.name = name
        self.events = events
        self.stamp = stamp
    }

    /// The file's text.
    public var text: String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Unknot//Studio//EN", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH", "X-WR-CALNAME:" + Self.escape(name),
        ]
        for event in events {
            lines += [
                "BEGIN:VEVENT",
                "UID:" + Self.escape(event.uid),
                "DTSTAMP:" + Self.utc(stamp),
                "DTSTART:" + Self.utc(event.start),
                "DTEND:" + Self.utc(event.end),
                "SEQUENCE:\(event.sequence)",
                "STATUS:" + (event.cancelled ? "CANCELLED" : "CONFIRMED"),
                "SUMMARY:" + Self.escape(event.summary),
            ]
            if let location = event.location { lines.append("LOCATION:" + Self.escape(location)) }
            if let description = event.description { lines.append("DESCRIPTION:" + Self.escape(description)) }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
    }

    /// `YYYYMMDDTHHMMSSZ`.
    static func utc(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ v: Int?) -> String { String(format: "%02d", v ?? 0) }
        return String(format: "%04d", c.year ?? 0) + two(c.month) + two(c.day) + "T" + two(c.hour) + two(c.minute)
            + two(c.second) + "Z"
    }

    /// TEXT escaping (RFC 5545 3.3.11).
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r\n": out += "\\n"
            case "\r": break
            default: out.append(character)
            }
        }
        return out
    }

    /// Folds a content line into 75-octet pieces, continuation lines starting with a space
    /// (RFC 5545 3.1), never inside a UTF-8 character.
    static func fold(_ line: String) -> String {
        var pieces: [String] = []
        var current = ""
        var octets = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            let limit = pieces.isEmpty ? 75 : 74  // continuation lines begin with a space
            if octets + size > limit {
                pieces.append(current)
                current = ""
                octets = 0
            }
            current.unicodeScalars.append(scalar)
            octets += size
        }
        pieces.append(current)
        return pieces.enumerated().map { $0.offset == 0 ? $0.element : " " + $0.element }.joined(separator: "\r\n")
    }
}
