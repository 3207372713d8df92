import Foundation
import Hummingbird
import UnknotCore
import UnknotStudio

extension WebPages {
    /// The staff's calendar beyond today (issue #18): a day or a week, every station or one, each
    /// session with its client, program, length and state, and the free time between sessions
    /// within opening hours, so staff see at a glance where a client could still go.
    func addCalendarRoutes(to groups: PageGroups) {
        groups.staff.get("/staff/calendar") { request, _ in try await calendarPage(request) }
    }

    func calendarPage(_ request: Request) async throws -> Response {
        let caller = try signedInStaff(request)
        let query = request.uri.queryParameters
        let today = studio.today
        let day = query["date"].flatMap { CalendarDate(String($0)) } ?? today
        let week = query["view"] == "week"
        let first = week ? CalendarDate(dayNumber: day.dayNumber - StudioTime.weekday(ofDay: day.dayNumber)) : day
        let days = (0..<(week ? 7 : 1)).map { CalendarDate(dayNumber: first.dayNumber + $0) }
        let stations = try await studio.stations(caller)
        let chosen = query["station"].flatMap { Int($0) }
        let shown = stations.filter { chosen == nil || $0.id == chosen }
        let bookings = try await studio.bookings(
            caller, from: first.description, to: (days.last ?? first).description, station: chosen
        ).filter { $0.status != .cancelled }
        let stride = week ? 7 : 1
        let view = week ? "week" : "day"
        var context: [String: Any] = [
            "title": week
                ? "Week of \(Self.day(first))" : Self.day(day) + (day == today ? " (today)" : ""),
            "isWeek": week, "date": day.description, "view": view,
            "previous": CalendarDate(dayNumber: day.dayNumber - stride).description,
            "next": CalendarDate(dayNumber: day.dayNumber + stride).description,
            "today": today.description, "station": chosen.map(String.init) ?? "",
            "stations": stations.map { ["id": $0.id, "name": $0.name, "selected": $0.id == chosen] as [String: Any] },
        ]
        context["days"] = days.map { date -> [String: Any] in
            [
                "name": Self.day(date), "date": date.description,
                "stations": shown.map { station -> [String: Any] in
                    let mine = bookings.filter { $0.stationID == station.id && $0.start.day == date.dayNumber }
                        .sorted { $0.start < $1.start }
                    return [
                        "name": station.name,
                        "items": Self.calendarItems(
                            mine, hours: station.hours.days[StudioTime.weekday(ofDay: date.dayNumber)],
                            buffer: station.cleaningBuffer, day: date.dayNumber, studio: studio),
                        "closed": station.hours.days[StudioTime.weekday(ofDay: date.dayNumber)].isEmpty,
                        "status": station.status == .inService
                            ? "" : station.status.rawValue.replacingOccurrences(of: "-", with: " "),
                    ]
                },
            ]
        }
        return render("calendar", title: "Calendar", context)
    }

    /// A station's day in order: its sessions, and the free time between them within its hours.
    /// (A session's cleaning time after it is not free.)
    static func calendarItems(
        _ bookings: [BookingView], hours: [Range<Int>], buffer: Int, day: Int, studio: Studio
    ) -> [[String: Any]] {
        var items: [[String: Any]] = []
        func free(_ from: Int, _ to: Int) {
            guard to > from else { return }
            items.append([
                "free": true, "from": StudioTime(minutes: from).clockText, "to": StudioTime(minutes: to).clockText,
            ])
        }
        for open in hours {
            let opening = day * 1_440 + open.lowerBound
            let close = day * 1_440 + open.upperBound
            var cursor = opening
            for booking in bookings where booking.start.minutes < close && booking.end.minutes > opening {
                free(cursor, booking.start.minutes)
                let program = studio.catalog.program(id: booking.programID)?.name ?? booking.programID
                items.append([
                    "free": false, "from": booking.start.clockText, "to": booking.end.clockText,
                    "client": Self.staffClientLabel(booking), "program": program, "minutes": booking.minutes,
                    "status": booking.status.text, "offered": booking.status == .offered,
                    "report": booking.hasRecord ? "/sessions/\(booking.id.uuidString.lowercased())/report" : "",
                ])
                cursor = max(cursor, min(close, booking.end.minutes + buffer))
            }
            free(cursor, close)
        }
        return items
    }
}
