import Foundation
import Testing
import UnknotCore
import UnknotStudio

/// Calendar files and next-visit suggestions.
@Suite("Calendar")
struct CalendarTests {
    static let start = Date(timeIntervalSince1970: 1_795_425_600)  // 2026-11-23 09:20:00 UTC

    @Test("A booking's .ics: CRLF lines, UTC times, escaped text, folded at 75 octets")
    func icsFile() {
        let event = CalendarEvent(
            uid: "booking-42@unknot", start: Self.start, end: Self.start + 3_600,
            summary: "Neck, Jaw & Shoulders; 60 min", location: "Station 3",
            description: String(repeating: "Relax — drink water after. ", count: 4))
        let text = CalendarFile(name: "Unknot", events: [event], stamp: Self.start).text
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(text.contains("DTSTART:20261123T092000Z\r\n"))
        #expect(text.contains("DTEND:20261123T102000Z\r\n"))
        #expect(text.contains("SUMMARY:Neck\\, Jaw & Shoulders\\; 60 min\r\n"))
        for line in text.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 75) }
        // Unfolding gives back the description, the em dashes whole.
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("DESCRIPTION:" + String(repeating: "Relax — drink water after. ", count: 4)))
    }

    @Test("A cancelled booking is published as cancelled with a higher sequence")
    func cancelled() {
        let event = CalendarEvent(
            uid: "booking-42@unknot", start: Self.start, end: Self.start + 1_800, summary: "Express", sequence: 2,
            cancelled: true)
        let text = CalendarFile(name: "Unknot", events: [event], stamp: Self.start).text
        #expect(text.contains("STATUS:CANCELLED\r\n"))
        #expect(text.contains("SEQUENCE:2\r\n"))
    }

    @Test("Next visit: four weeks after a first visit, the client's own rhythm after more, never in the past")
    func nextVisit() {
        let today = CalendarDate(year: 2026, month: 11, day: 23)!
        #expect(NextVisit.suggestion(after: [], today: today) == nil)
        let first = CalendarDate(year: 2026, month: 11, day: 2)!
        #expect(NextVisit.suggestion(after: [first], today: today) == CalendarDate(year: 2026, month: 11, day: 30))
        // Every three weeks.
        let visits = [0, 21, 42].map {
            CalendarDate(dayNumber: CalendarDate(year: 2026, month: 9, day: 1)!.dayNumber + $0)
        }
        #expect(NextVisit.suggestion(after: visits, today: today) == CalendarDate(year: 2026, month: 11, day: 24))
        // Long ago: tomorrow, not a day gone by.
        let old = CalendarDate(year: 2025, month: 1, day: 1)!
        #expect(NextVisit.suggestion(after: [old], today: today) == CalendarDate(year: 2026, month: 11, day: 24))
    }

    @Test("Day numbers round-trip over four centuries")
    func dayNumbers() {
        for day in stride(from: -146_097, through: 146_097, by: 37) {
            #expect(CalendarDate(dayNumber: day).dayNumber == day)
        }
        #expect(CalendarDate(dayNumber: 0) == CalendarDate(year: 1970, month: 1, day: 1))
    }
}
