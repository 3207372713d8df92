import Hummingbird
import UnknotCore
import UnknotStudio

/// What a client chose on the booking page — program, length, day, promo code, for one or two — read from
/// the page's address or from the form they sent, so a refused booking shows the same choice again.
struct BookingChoice: Sendable {
    var program: String?
    var minutes: Int?
    var date: CalendarDate?
    var code: String
    /// 1, or 2 for a session for two side by side.
    var people: Int

    /// From `/book?program=…&minutes=…&date=…&code=…&people=…` (anything missing or unreadable is left to the page).
    init(_ query: Parameters) {
        program = query["program"].map(String.init)
        minutes = query["minutes"].flatMap { Int($0) }
        date = query["date"].flatMap { CalendarDate(String($0)) }
        code = Self.code(query["code"].map(String.init))
        people = query["people"] == "2" ? 2 : 1
    }

    /// From the booking form: its hidden program, length and code, and the day of the time chosen.
    init(form: FormFields) {
        program = form["program"]
        minutes = form["minutes"].flatMap { Int($0) }
        date = (form["slot"]?.split(separator: "|").last).flatMap { StudioTime(text: String($0)) }.map {
            CalendarDate(dayNumber: $0.day)
        }
        code = Self.code(form["code"])
        people = form["people"] == "2" ? 2 : 1
    }

    /// The address's query for this choice on `day` (the day's times, or a review's way back).
    func query(day: CalendarDate) -> String {
        "program=\(program ?? "")&minutes=\(minutes ?? 0)&date=\(day)&code=\(WebPages.escapeQuery(code))"
            + (people == 2 ? "&people=2" : "")
    }

    static func code(_ text: String?) -> String {
        String((text ?? "").trimmingCharacters(in: .whitespaces).uppercased().prefix(32))
    }
}
