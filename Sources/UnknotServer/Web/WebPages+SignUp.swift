import Foundation
import Hummingbird
import UnknotStudio

extension WebPages {
    /// Sign-up in two steps: the form mails a link (the same page follows whether or not the
    /// address has an account); the link opens a page whose button makes the account and signs
    /// in. A button, not the link itself, so a mail scanner that fetches links uses nothing up.
    func addSignUpRoutes(to groups: PageGroups) {
        groups.anyone.get("/sign-up") { request, _ in
            let next = Self.next(request)
            return render("sign-up", title: "Create your account", ["next": next, "nextQuery": Self.escapeQuery(next)])
        }
        groups.anyone.post("/sign-up") { request, _ in try await signUp(request) }
        groups.anyone.get("/sign-up/confirm") { request, _ in
            let token = request.uri.queryParameters["token"].map(String.init) ?? ""
            guard let email = try await studio.signUpAddress(token: token) else {
                return render(
                    "sign-up-confirm", title: "Finish signing up",
                    [
                        "error":
                            "This sign-up link is not valid any more (used, or older than a day); sign up again."
                    ],
                    status: .notFound)
            }
            return render(
                "sign-up-confirm", title: "Finish signing up",
                ["token": token, "email": email, "next": Self.next(request)])
        }
        groups.anyone.post("/sign-up/confirm") { request, _ in
            let form = try await FormFields.read(request)
            let token = form["token"] ?? ""
            do throws(StudioError) {
                let signedIn = try await studio.confirmSignUp(token: token)
                RequestCaller.headers?.set(cookies.signedIn(signedIn, now: studio.clock.now))
                // Back to what they were doing (a booking under review), else to the care plan.
                let next = Self.safeNext(form["next"])
                return Self.redirect(next == "/" ? "/care-plan?welcome=1" : next)
            } catch {
                return render(
                    "sign-up-confirm", title: "Finish signing up",
                    ["token": token, "error": Self.sentence(error.message)],
                    status: error.kind == .conflict ? .conflict : .unprocessableContent)
            }
        }
    }

    func signUp(_ request: Request) async throws -> Response {
        let form = try await FormFields.read(request)
        let email = form["email"] ?? ""
        let name = form["name"] ?? ""
        let password = form["password"] ?? ""
        let next = Self.safeNext(form["next"])
        do throws(StudioError) {
            let sent = try await studio.requestSignUp(
                email: email, name: name, password: password, from: RequestCaller.source,
                next: next == "/" ? nil : next)
            var context: [String: Any] = ["email": sent.email]
            if let mailFolder { context["mailFolder"] = mailFolder }
            return render("sign-up-sent", title: "Check your e-mail", context, status: .accepted)
        } catch {
            return render(
                "sign-up", title: "Create your account",
                [
                    "error": Self.sentence(error.message), "email": email, "name": name, "field": error.field ?? "",
                    "next": next == "/" ? "" : next, "nextQuery": next == "/" ? "" : Self.escapeQuery(next),
                ],
                status: error.kind == .tooManyAttempts ? .tooManyRequests : .unprocessableContent)
        }
    }

    /// The page to come back to, from `?next=` (only a path on this site; "" for none).
    static func next(_ request: Request) -> String {
        let next = safeNext(request.uri.queryParameters["next"].map(String.init))
        return next == "/" ? "" : next
    }
}
