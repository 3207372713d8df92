import Foundation
import OpenAPIRuntime
import UnknotStudio

extension StudioAPI {
    func createAccount(_ input: Operations.CreateAccount.Input) async throws -> Operations.CreateAccount.Output {
        guard case .json(let body) = input.body else { throw StudioError(.badRequest, "send JSON") }
        let sent = try await studio.requestSignUp(
            email: body.email, name: body.name, password: body.password, from: RequestCaller.source)
        return .accepted(
            .init(
                body: .json(
                    .init(email: sent.email, expiresAt: sent.expiresAt, message: Self.signUpMessage(sent.email)))))
    }

    /// What a sign-up says, whether or not the address has an account.
    static func signUpMessage(_ email: String) -> String {
        "We sent a link to \(email). Open it within 24 hours to finish signing up. "
            + "If this address already has an account, the e-mail says so."
    }

    func confirmSignUp(_ input: Operations.ConfirmSignUp.Input) async throws -> Operations.ConfirmSignUp.Output {
        guard case .json(let body) = input.body else { throw StudioError(.badRequest, "send JSON") }
        let signedIn = try await studio.confirmSignUp(token: body.token)
        RequestCaller.headers?.set(cookies.signedIn(signedIn, now: studio.clock.now))
        return .created(.init(body: .json(.init(signedIn))))
    }

    func requestPasswordReset(_ input: Operations.RequestPasswordReset.Input) async throws
        -> Operations.RequestPasswordReset.Output
    {
        guard case .json(let body) = input.body else { throw StudioError(.badRequest, "send JSON") }
        let sent = try await studio.requestPasswordReset(email: body.email, from: RequestCaller.source)
        return .accepted(
            .init(
                body: .json(.init(email: sent.email, expiresAt: sent.expiresAt, message: Self.resetMessage(sent.email)))
            ))
    }

    /// What a reset request says, whether or not the address has an account.
    static func resetMessage(_ email: String) -> String {
        "We sent an e-mail to \(email). If the address has an account, its link sets a new password "
            + "within the hour."
    }

    func resetPassword(_ input: Operations.ResetPassword.Input) async throws -> Operations.ResetPassword.Output {
        guard case .json(let body) = input.body else { throw StudioError(.badRequest, "send JSON") }
        let signedIn = try await studio.resetPassword(
            token: body.token, newPassword: body.newPassword, from: RequestCaller.source)
        RequestCaller.headers?.set(cookies.signedIn(signedIn, now: studio.clock.now))
        return .ok(.init(body: .json(.init(signedIn))))
    }

    func logIn(_ input: Operations.LogIn.Input) async throws -> Operations.LogIn.Output {
        guard case .json(let body) = input.body else { throw StudioError(.badRequest, "send JSON") }
        let signedIn = try await studio.logIn(email: body.email, password: body.password, from: RequestCaller.source)
        RequestCaller.headers?.set(cookies.signedIn(signedIn, now: studio.clock.now))
        return .ok(.init(body: .json(.init(signedIn))))
    }

    func logOut(_ input: Operations.LogOut.Input) async throws -> Operations.LogOut.Output {
        _ = try caller()
        if let token = RequestCaller.token { try await studio.logOut(token: token) }
        RequestCaller.headers?.set(cookies.signedOut)
        return .noContent(.init())
    }

    func createStaffAccount(_ input: Operations.CreateStaffAccount.Input) async throws
        -> Operations.CreateStaffAccount.Output
    {
        let caller = try caller()
        guard case .json(let body) = input.body else { throw StudioError(.badRequest, "send JSON") }
        let role = Role(rawValue: body.role.rawValue) ?? .staff
        let account = try await studio.createAccount(
            email: body.email, name: body.name, password: body.password, role: role, by: caller)
        return .created(.init(body: .json(.init(account))))
    }

    func getMe(_ input: Operations.GetMe.Input) async throws -> Operations.GetMe.Output {
        .ok(.init(body: .json(.init(try await studio.account(try caller())))))
    }

    func deleteMe(_ input: Operations.DeleteMe.Input) async throws -> Operations.DeleteMe.Output {
        let caller = try caller()
        guard case .json(let body) = input.body else { throw StudioError(.badRequest, "send JSON") }
        try await studio.deleteAccount(caller, password: body.password)
        return .noContent(.init())
    }

    func changePassword(_ input: Operations.ChangePassword.Input) async throws -> Operations.ChangePassword.Output {
        let caller = try caller()
        guard case .json(let body) = input.body else { throw StudioError(.badRequest, "send JSON") }
        try await studio.changePassword(
            caller, current: body.currentPassword, new: body.newPassword, keeping: RequestCaller.token)
        return .noContent(.init())
    }

    func signOutEverywhere(_ input: Operations.SignOutEverywhere.Input) async throws
        -> Operations.SignOutEverywhere.Output
    {
        try await studio.signOutEverywhere(try caller())
        return .noContent(.init())
    }

    /// Never called: ``StudioTransport`` leaves this operation to ``addExportRoute(to:)``, which
    /// streams the same contract types a page at a time (the generated answer would be built whole
    /// in memory). The generated protocol still asks for the method.
    func exportMyData(_ input: Operations.ExportMyData.Input) async throws -> Operations.ExportMyData.Output {
        throw StudioError(.unavailable, "the export is answered by its streaming route")
    }

    var cookies: StudioCookies { StudioCookies(studio.settings) }
}
