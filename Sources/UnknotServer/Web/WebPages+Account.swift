import Foundation
import HTTPTypes
import Hummingbird
import UnknotCore
import UnknotStudio

extension WebPages {
    func addAccountRoutes(to router: Router<StudioRequestContext>) {
        router.get("/sign-in") { request, _ in
            render(
                "sign-in", title: "Sign in",
                ["next": Self.safeNext(request.uri.queryParameters["next"].map(String.init))])
        }
        router.post("/sign-in") { request, _ in try await signIn(request) }
        addSignUpRoutes(to: router)
        addPasswordResetRoutes(to: router)
        router.post("/sign-out") { request, _ in
            if let token = RequestCaller.token { try? await studio.logOut(token: token) }
            RequestCaller.headers?.set(cookies.signedOut)
            return Self.redirect("/sign-in")
        }
        router.get("/account") { request, _ in try await accountPage(request) }
        router.post("/account/password") { request, _ in
            let caller = try signedIn(request)
            let form = try await FormFields.read(request)
            do throws(StudioError) {
                try await studio.changePassword(
                    caller, current: form["currentPassword"] ?? "", new: form["newPassword"] ?? "",
                    keeping: RequestCaller.token)
            } catch {
                return try await accountPage(
                    request, error: Self.sentence(error.message),
                    status: error.kind == .tooManyAttempts
                        ? .tooManyRequests : error.kind == .unauthorized ? .unauthorized : .unprocessableContent)
            }
            return try await accountPage(
                request, notice: "Your password is changed; every other device is signed out.")
        }
        router.post("/account/sign-out-everywhere") { request, _ in
            try await studio.signOutEverywhere(try signedIn(request))
            RequestCaller.headers?.set(cookies.signedOut)
            return Self.redirect("/sign-in")
        }
        router.post("/account/calendar") { request, _ in
            _ = try await studio.renewCalendarFeed(try signedInClient(request))
            return try await accountPage(
                request, notice: "Your calendar feed has a new address; the old one no longer works.")
        }
    }

    /// The account page: the password, signing out everywhere, and a client's calendar feed.
    func accountPage(
        _ request: Request, notice: String? = nil, error: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let caller = try signedIn(request)
        var context: [String: Any] = [:]
        if caller.role == .client {
            let path = try await studio.calendarFeedPath(caller)
            let scheme = studio.settings.secureCookies ? "https" : "http"
            context["calendar"] = "\(scheme)://\(request.head.authority ?? "localhost")\(path)"
        }
        if let notice { context["notice"] = notice }
        if let error { context["error"] = error }
        return render("account", title: "Your account", context, status: status)
    }

    func home(_ request: Request) async throws -> Response {
        guard let caller = RequestCaller.current else { return try await frontPage() }
        if caller.role.isStaff { return Self.redirect("/staff") }
        let bookings = try await studio.myBookings(caller)
        let now = studio.now
        let upcoming = bookings.filter { $0.status == .booked && $0.end > now }.prefix(3).map { bookingContext($0) }
        let reports = bookings.filter(\.hasRecord).suffix(3).reversed().map { bookingContext($0) }
        let plan = try await studio.currentCarePlan(caller)
        return render(
            "home", title: "Your sessions",
            [
                "name": caller.name, "upcoming": Array(upcoming), "hasUpcoming": !upcoming.isEmpty,
                "reports": Array(reports), "hasReports": !reports.isEmpty, "hasCarePlan": plan != nil,
                "running": await rejoinable(caller),
            ])
    }

    func signIn(_ request: Request) async throws -> Response {
        let form = try await FormFields.read(request)
        let next = Self.safeNext(form["next"])
        do {
            let signedIn = try await studio.logIn(
                email: form["email"] ?? "", password: form["password"] ?? "", from: RequestCaller.source)
            RequestCaller.headers?.set(cookies.signedIn(signedIn, now: studio.clock.now))
            return Self.redirect(signedIn.account.role.isStaff && next == "/" ? "/staff" : next)
        } catch {
            return render(
                "sign-in", title: "Sign in",
                ["error": Self.sentence(error.message), "email": form["email"] ?? "", "next": next],
                status: error.kind == .tooManyAttempts ? .tooManyRequests : .unauthorized)
        }
    }

    var cookies: StudioCookies { StudioCookies(studio.settings) }
}
