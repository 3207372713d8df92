import Foundation
import Hummingbird
import UnknotStudio

extension WebPages {
    /// A new password by e-mail: the form mails a link (the same page follows whether or not the
    /// address has an account); the link opens a form for the new password, which signs in.
    func addPasswordResetRoutes(to groups: PageGroups) {
        groups.anyone.get("/forgot-password") { _, _ in render("forgot-password", title: "A new password") }
        groups.anyone.post("/forgot-password") { request, _ in
            let form = try await FormFields.read(request)
            let email = form["email"] ?? ""
            do throws(StudioError) {
                let sent = try await studio.requestPasswordReset(email: email, from: RequestCaller.source)
                var context: [String: Any] = ["sent": sent.email]
                if let mailFolder { context["mailFolder"] = mailFolder }
                return render("forgot-password", title: "Check your e-mail", context, status: .accepted)
            } catch {
                return render(
                    "forgot-password", title: "A new password", ["error": error.description, "email": email],
                    status: error.kind == .tooManyAttempts ? .tooManyRequests : .unprocessableContent)
            }
        }
        groups.anyone.get("/reset-password") { request, _ in
            let token = request.uri.queryParameters["token"].map(String.init) ?? ""
            return render("reset-password", title: "Choose a new password", ["token": token])
        }
        groups.anyone.post("/reset-password") { request, _ in
            let form = try await FormFields.read(request)
            let token = form["token"] ?? ""
            do throws(StudioError) {
                let signedIn = try await studio.resetPassword(
                    token: token, newPassword: form["newPassword"] ?? "", from: RequestCaller.source)
                RequestCaller.headers?.set(cookies.signedIn(signedIn, now: studio.clock.now))
                return Self.redirect(signedIn.account.role.isStaff ? "/staff" : "/")
            } catch {
                var context: [String: Any] = ["token": token, "error": error.message]
                if error.field == "token" { context["stale"] = true }
                return render(
                    "reset-password", title: "Choose a new password", context, status: .unprocessableContent)
            }
        }
    }
}
