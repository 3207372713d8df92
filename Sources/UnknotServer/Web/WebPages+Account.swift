import Foundation
import HTTPTypes
import Hummingbird
import UnknotCore
import UnknotStudio

extension WebPages {
    func addAccountRoutes(to groups: PageGroups) {
        groups.anyone.get("/sign-in") { request, _ in
            render(
                "sign-in", title: "Sign in",
                ["next": Self.safeNext(request.uri.queryParameters["next"].map(String.init))])
        }
        groups.anyone.post("/sign-in") { request, _ in try await signIn(request) }
        addSignUpRoutes(to: groups)
        addPasswordResetRoutes(to: groups)
        groups.anyone.post("/sign-out") { request, _ in
            if let token = RequestCaller.token { try? await studio.logOut(token: token) }
            RequestCaller.headers?.set(cookies.signedOut)
            return Self.redirect("/sign-in")
        }
        groups.signedIn.get("/account") { request, _ in try await accountPage(request) }
        groups.signedIn.post("/account/password") { request, _ in
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
        groups.signedIn.post("/account/sign-out-everywhere") { request, _ in
            try await studio.signOutEverywhere(try signedIn(request))
            RequestCaller.headers?.set(cookies.signedOut)
            return Self.redirect("/sign-in")
        }
        groups.signedIn.post("/account/email") { request, _ in
            let caller = try signedIn(request)
            let form = try await FormFields.read(request)
            let sent: SignUpSent
            do throws(StudioError) {
                sent = try await studio.requestEmailChange(
                    caller, newEmail: form["email"] ?? "", password: form["password"] ?? "")
            } catch {
                return try await accountPage(
                    request, error: Self.sentence(error.message),
                    status: error.kind == .unauthorized ? .unauthorized : .unprocessableContent)
            }
            return try await accountPage(
                request,
                notice:
                    "We sent a link to \(sent.email). Your address changes when you follow it; until then it stays as it is."
            )
        }
        // The link may be opened on any device: its page names the address and asks for a press.
        groups.anyone.get("/account/email/confirm") { request, _ in
            let token = request.uri.queryParameters["token"].map(String.init) ?? ""
            guard let email = try await studio.emailChangeAddress(token: token) else {
                return render(
                    "email-confirm", title: "Your new address",
                    ["error": "This link is not valid any more (used, or older than a day); ask for the change again."],
                    status: .notFound)
            }
            return render("email-confirm", title: "Your new address", ["token": token, "email": email])
        }
        groups.anyone.post("/account/email/confirm") { request, _ in
            let form = try await FormFields.read(request)
            do throws(StudioError) {
                let email = try await studio.confirmEmailChange(token: form["token"] ?? "")
                return render("email-confirm", title: "Your new address", ["done": email])
            } catch {
                return render(
                    "email-confirm", title: "Your new address", ["error": Self.sentence(error.message)],
                    status: .unprocessableContent)
            }
        }
        groups.clients.post("/account/delete") { request, _ in
            let caller = try signedInClient(request)
            let form = try await FormFields.read(request)
            let refusal: StudioError?
            do throws(StudioError) {
                guard form.has("sure") else {
                    throw StudioError(.invalid, field: "sure", "tick the box to say you understand it cannot be undone")
                }
                try await studio.deleteAccount(caller, password: form["password"] ?? "")
                refusal = nil
            } catch {
                refusal = error
            }
            if let error = refusal {
                return try await accountPage(
                    request, error: Self.sentence(error.message),
                    status: error.kind == .unauthorized ? .unauthorized : .unprocessableContent)
            }
            RequestCaller.headers?.set(cookies.signedOut)
            return render(
                "message", title: "Account deleted",
                [
                    "heading": "Your account is deleted",
                    "detail": "Everything kept for it is gone. Thank you for coming.",
                ])
        }
        groups.signedIn.post("/account/calendar") { request, _ in
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
        context["email"] = try await studio.account(caller).email
        context["isClient"] = caller.role == .client
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
