import Foundation
import HTTPTypes
import Hummingbird
import UnknotCore
import UnknotStudio

/// The studio's web pages, rendered by the server (Mustache) with small hand-written CSS and
/// scripts: sign-up and sign-in, the care plan on a body map, booking, the live console, the
/// session report and the staff dashboard.
///
/// Every page works without JavaScript except the live console, which needs its WebSocket.
/// Pages are signed in with the `unknot_session` cookie (HttpOnly, SameSite=Strict, so another
/// site cannot post the forms on the client's behalf).
struct WebPages: Sendable {
    let studio: Studio
    let floor: LiveFloor
    let pages: PageRenderer
    /// Where the studio's mail goes when it is a folder (a demo): the sign-up page says so.
    var mailFolder: String?

    func addRoutes(to router: Router<StudioRequestContext>) {
        let groups = PageGroups(router)
        groups.anyone.get("/") { request, _ in try await home(request) }
        addAccountRoutes(to: groups)
        addCarePlanRoutes(to: groups)
        addBookingRoutes(to: groups)
        addReviewRoutes(to: groups)
        addCoupleRoutes(to: groups)
        addWaitlistRoutes(to: groups)
        addDayAnswersRoutes(to: groups)
        addPromoCodeRoutes(to: groups)
        addStudioTeamRoutes(to: groups)
        addOutboxRoutes(to: groups)
        addAdminRoutes(to: groups)
        addCalendarRoutes(to: groups)
        addClientRoutes(to: groups)
        addLiveRoutes(to: groups)
        addReportRoutes(to: groups)
        addStaffRoutes(to: groups)
    }

    // MARK: Shared

    /// The signed-in person, or a redirect to the sign-in page.
    func signedIn(_ request: Request) throws -> Caller {
        guard let caller = RequestCaller.current else {
            throw PageRedirect("/sign-in?next=\(Self.escapeQuery(Self.pathAndQuery(request)))")
        }
        return caller
    }

    func signedInClient(_ request: Request) throws -> Caller {
        let caller = try signedIn(request)
        guard caller.role == .client else { throw PageRedirect("/staff") }
        return caller
    }

    func signedInStaff(_ request: Request) throws -> Caller {
        let caller = try signedIn(request)
        guard caller.role.isStaff else {
            throw StudioError(.forbidden, "the staff pages are for studio staff; your pages are at /")
        }
        return caller
    }

    /// A page inside the layout, with the menu for whoever is signed in.
    func render(
        _ template: String, title: String, _ context: [String: Any] = [:], status: HTTPResponse.Status = .ok
    ) -> Response {
        var context = context
        context["title"] = title
        if let caller = RequestCaller.current {
            context["user"] =
                [
                    "name": caller.name, "isStaff": caller.role.isStaff, "isClient": caller.role == .client,
                    "isAdmin": caller.role == .admin,
                ] as [String: Any]
        }
        return pages.page(template, Self.withoutEmptyText(context), status: status)
    }

    /// The context with every empty text left out: mustache shows a section for any text, even
    /// an empty one, so `{{#tooLate}}<p>…</p>{{/tooLate}}` would draw an empty box.
    static func withoutEmptyText(_ context: [String: Any]) -> [String: Any] {
        context.compactMapValues { value -> Any? in
            switch value {
            case let text as String: text.isEmpty ? nil : text
            case let nested as [String: Any]: withoutEmptyText(nested)
            case let rows as [[String: Any]]: rows.map(withoutEmptyText)
            default: value
            }
        }
    }

    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    /// The page asked for, with its query (a GET form's choices), to come back to after signing in.
    static func pathAndQuery(_ request: Request) -> String {
        let query = request.method == .get ? (request.uri.query ?? "") : ""
        return query.isEmpty ? request.uri.path : request.uri.path + "?" + query
    }

    static func escapeQuery(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "/-_.~")))
            ?? "/"
    }

    /// A path the sign-in may go back to: only this site's own pages.
    /// Where to go after signing in: `text` only when it is a path on this site, "/" otherwise.
    /// A path here is printable ASCII with no space, backslash or percent-encoded control
    /// character, starting with one "/": browsers drop tabs and newlines from a Location, so
    /// "/\t/evil.example" would become "//evil.example", another site (issue #17, finding 4).
    static func safeNext(_ text: String?) -> String {
        guard let text, text.count <= 2_000, text.hasPrefix("/"), !text.hasPrefix("//") else { return "/" }
        let printable = text.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value < 0x7F && $0 != "\\" }
        // A control character written as %00-%1F or %7F would be decoded by some clients.
        let lowered = text.lowercased()
        let encodedControl =
            (0..<0x20).contains { lowered.contains(String(format: "%%%02x", $0)) } || lowered.contains("%7f")
            || lowered.contains("%5c")
        guard printable, !encodedControl else { return "/" }
        return text
    }

    static func uuid(_ context: StudioRequestContext, _ name: String = "id") throws -> UUID {
        guard let text = context.parameters.get(name), let id = UUID(uuidString: text) else {
            throw StudioError(.notFound, "there is no such page; go back to your bookings")
        }
        return id
    }

    /// A clause as a sentence: capital first, full stop last.
    static func sentence(_ text: String) -> String {
        guard let first = text.first else { return text }
        let body = first.uppercased() + text.dropFirst()
        return body.hasSuffix(".") ? body : body + "."
    }

    static func money(_ cents: Int) -> String { Money(cents: cents).description }

    static let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ]

    /// "Monday 23 November" for a day.
    static func day(_ date: CalendarDate) -> String {
        let weekday = weekdays[StudioTime.weekday(ofDay: date.dayNumber)]
        return "\(weekday) \(date.day) \(months[max(1, min(12, date.month)) - 1])"
    }

    /// "Monday 23 November, 10:00" in the studio's time zone.
    static func when(_ time: StudioTime) -> String {
        "\(day(CalendarDate(dayNumber: time.day))), \(clock(time))"
    }

    static func clock(_ time: StudioTime) -> String {
        String(format: "%02d:%02d", time.minuteOfDay / 60, time.minuteOfDay % 60)
    }
}

/// A page handler's wish to send the browser elsewhere (303 See Other).
struct PageRedirect: Error {
    var location: String
    init(_ location: String) { self.location = location }
}
