import Foundation
import Synchronization

/// Who recently signed-in tokens belong to, kept in memory so that a request signed in by one
/// (a staff emergency stop above all) does not wait on the database, however busy a flood of
/// sign-ins keeps it.
///
/// Guarantees: a token is trusted from memory for at most ``freshness`` after the database last
/// confirmed it, and never past its own expiry; one in use is confirmed again in the background
/// once ``recheck`` has passed, so a request never waits for it; signing out on this instance, or deleting the
/// account, forgets it at once (on another instance of the same studio, within ``freshness``);
/// unknown tokens are never remembered, so random tokens cannot fill it; it holds at most
/// ``capacity`` tokens, forgetting the stalest first.
final class SignedInCallers: Sendable {
    static let freshness: Duration = .seconds(30)
    static let recheck: Duration = .seconds(5)
    static let capacity = 10_000

    private struct Entry {
        var caller: Caller
        var expiresAt: Date
        var confirmedAt: ContinuousClock.Instant
        var rechecking = false
    }

    private let entries = Mutex<[String: Entry]>([:])

    /// The caller of the token with SHA-256 `digest`, if the database confirmed it lately; and
    /// whether the caller should have it confirmed again now (in the background: once per recheck).
    func caller(digest: String, now: Date) -> (caller: Caller, recheck: Bool)? {
        entries.withLock { entries in
            guard let entry = entries[digest] else { return nil }
            let age = ContinuousClock.now - entry.confirmedAt
            guard entry.expiresAt > now, age < Self.freshness else {
                entries[digest] = nil
                return nil
            }
            let recheck = age >= Self.recheck && !entry.rechecking
            if recheck { entries[digest]?.rechecking = true }
            return (entry.caller, recheck)
        }
    }

    func remember(digest: String, caller: Caller, expiresAt: Date) {
        entries.withLock { entries in
            if entries.count >= Self.capacity, entries[digest] == nil,
                let stalest = entries.min(by: { $0.value.confirmedAt < $1.value.confirmedAt })?.key
            {
                entries[stalest] = nil
            }
            entries[digest] = Entry(caller: caller, expiresAt: expiresAt, confirmedAt: .now)
        }
    }

    func forget(digest: String) { _ = entries.withLock { $0.removeValue(forKey: digest) } }

    func forget(account: UUID) { entries.withLock { $0 = $0.filter { $0.value.caller.accountID != account } } }
}
