import Foundation
import Hummingbird
import UnknotStudio

extension WebPages {
    /// Sign-up in two steps: the form mails a link (the same page follows whether or not the
    /// address has an account); the link opens a page whose button makes the account and signs
    /// in. A button, not the link itself, so a mail scanner that fetches links uses nothing up.
    func addSignUpRoutes(to router: Router<StudioRequestContext>) {
        router.get("/sign-up") { _, _ in render("sign-up", title: "Create your account") }
        router.post("/sign-up") { request, _ in try await respond(request) { try await signUp(request) } }
        router.get("/sign-up/confirm") { request, _ in
            try await respond(request) {
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
                return render("sign-up-confirm", title: "Finish signing up", ["token": token, "email": email])
            }
        }
        router.post("/sign-up/confirm") { request, _ in
            try await respond(request) {
                let form = try await FormFields.read(request)
                let token = form["token"] ?? ""
                do throws(StudioError) {
                    let signedIn = try await studio.confirmSignUp(token: token)
                    RequestCaller.headers?.set(cookies.signedIn(signedIn, now: studio.clock.now))
                    return Self.redirect("/care-plan?welcome=1")
                } catch {
                    return render(
                        "sign-up-confirm", title: "Finish signing up", ["token": token, "error": error.message],
                        status: error.kind == .conflict ? .conflict : .unprocessableContent)
                }
            }
        }
    }

    func signUp(_ request: Request) async throws -> Response {
        let form = try await FormFields.read(request)
        let email = form["email"] ?? ""
        let name = form["name"] ?? ""
        let password = form["password"] ?? ""
        do throws(StudioError) {
            let sent = try await studio.requestSignUp(
                email: email, name: name, password: password, from: RequestCaller.source)
            var context: [String: Any] = ["email": sent.email]
            if let mailFolder { context["mailFolder"] = mailFolder }
            return render("sign-up-sent", title: "Check your e-mail", context, status: .accepted)
        } catch {
            return render(
                "sign-up", title: "Create your account",
                ["error": error.description, "email": email, "name": name, "field": error.field ?? ""],
                status: error.kind == .tooManyAttempts ? .tooManyRequests : .unprocessableContent)
        }
    }
}
