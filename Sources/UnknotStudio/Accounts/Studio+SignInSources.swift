import FluentKit
import Foundation

extension Studio {
    /// Judges a guess from a device the account does not know: first against its network
    /// address's sliding window, then against the address's own count. A guess the studio judged
    /// wrong, or refused for too many, counts for the network; a right one, or one the studio
    /// could not judge (the hasher full, the database away), is given back.
    func judgeGuess(
        fromNetwork address: String?, key: String, password: String,
        find: () async throws(StudioError) -> AccountRow?
    ) async throws(StudioError) -> AccountRow? {
        let ticket: NetworkAllowance.Ticket?
        switch await guessesFromNetwork.reserve(address, now: clock.now) {
        case .success(let reserved): ticket = reserved
        case .failure(let refused): throw Self.tooManyFromNetwork(refused, "sign-ins")
        }
        do {
            let row = try await judgeGuess(key: key, password: password, find: find)
            await guessesFromNetwork.settle(ticket, counted: row == nil, now: clock.now)
            return row
        } catch {
            await guessesFromNetwork.settle(ticket, counted: error.kind == .tooManyAttempts, now: clock.now)
            throw error
        }
    }

    /// Admits one new account from `address`, or refuses it (429) when that network has made its
    /// share; `work` makes the account, and counts whether it succeeds or not (the password was
    /// hashed either way), unless the hasher refused it.
    func admitAccount<T>(
        from address: String?, _ work: () async throws(StudioError) -> T
    ) async throws(StudioError) -> T {
        let ticket: NetworkAllowance.Ticket?
        switch await accountsFromNetwork.reserve(address, now: clock.now) {
        case .success(let reserved): ticket = reserved
        case .failure(let refused): throw Self.tooManyFromNetwork(refused, "new accounts")
        }
        do {
            let made = try await work()
            await accountsFromNetwork.settle(ticket, counted: true, now: clock.now)
            return made
        } catch {
            await accountsFromNetwork.settle(ticket, counted: error.kind != .tooManyAttempts, now: clock.now)
            throw error
        }
    }

    static func tooManyFromNetwork(_ refused: NetworkAllowance.Refused, _ what: String) -> StudioError {
        let minutes = max(1, Int((refused.retryAfter / 60).rounded(.up)))
        return StudioError(
            .tooManyAttempts,
            "too many \(what) from your network; try again in \(minutes) minute\(minutes == 1 ? "" : "s")")
    }

    /// The stored digest of `token` when it is a device that signed in to the account of
    /// `emailDigest` and has not expired; `nil` otherwise (no token, another account's, unknown,
    /// or the database could not say: the sign-in then goes the stranger's way).
    func knownDevice(_ token: String?, emailDigest: String) async -> String? {
        guard let token, !token.isEmpty, token.utf8.count <= 100 else { return nil }
        let digest = Secret.digest(token)
        let now = clock.now
        let row = try? await database.read { db in
            try await SignInDeviceRow.query(on: db).filter(\.$tokenHash == digest).first()
        }
        guard let row, row.emailDigest == emailDigest, row.expiresAt > now else { return nil }
        return digest
    }

    /// Remembers a device that has just signed in to the account of `emailDigest` with its
    /// password; keeps the account's newest `devicesPerAccount`, drops expired ones. A device
    /// that cannot be remembered (the database away) simply gets none.
    func rememberDevice(emailDigest: String) async -> DeviceToken? {
        let token = Secret.make()
        let now = clock.now
        let expires = now.addingTimeInterval(settings.deviceLifetime)
        let row = SignInDeviceRow(
            emailDigest: emailDigest, tokenHash: Secret.digest(token), createdAt: now, expiresAt: expires)
        let keep = max(1, settings.devicesPerAccount)
        do {
            try await database.write { db in
                try await row.create(on: db)
                let devices = try await SignInDeviceRow.query(on: db).filter(\.$emailDigest == emailDigest)
                    .sort(\.$createdAt, .descending).all()
                let dropped = devices.enumerated().filter { $0.offset >= keep || $0.element.expiresAt <= now }
                    .compactMap(\.element.id)
                if !dropped.isEmpty { try await SignInDeviceRow.query(on: db).filter(\.$id ~~ dropped).delete() }
            }
        } catch {
            return nil
        }
        return DeviceToken(token: token, expiresAt: expires)
    }
}
