import Foundation

/// Counts password guesses per e-mail address *before* any password is checked (issue #17,
/// finding 2: 40 simultaneous sign-ins on one account had 32 checked, and the right one, last,
/// got in; finding 3: only real accounts were ever paused, which told a stranger who has one).
///
/// Guarantees: for one address, at most `attempts` wrong guesses are judged per pause, whatever
/// the concurrency: a guess is reserved before its password is hashed, and a guess that would
/// exceed the allowance is refused at once; after the `attempts`-th wrong guess the address is
/// paused for `pause`, and a right password ends the count. The address need not belong to an
/// account: an unknown address is counted, paused and answered exactly like a known one. Kept in
/// memory, per process (several servers on one database each keep their own count); at most
/// `keptAddresses` are remembered, the stalest forgotten first.
actor SignInGuard {
    struct Count {
        var wrong = 0
        var checking = 0
        var pausedUntil: Date?
        var lastSeen: Date
    }

    /// A reserved guess, to be settled once its password has been checked.
    struct Ticket: Sendable {
        let key: String
    }

    let attempts: Int
    let pause: TimeInterval
    let keptAddresses: Int
    private var counts: [String: Count] = [:]

    init(attempts: Int, pause: TimeInterval, keptAddresses: Int = 50_000) {
        self.attempts = max(1, attempts)
        self.pause = pause
        self.keptAddresses = max(1, keptAddresses)
    }

    /// Reserves a guess for `key` (a normalised e-mail address) at `now`, or says why not.
    func reserve(_ key: String, now: Date) -> Result<Ticket, Refusal> {
        var count = counts[key] ?? Count(lastSeen: now)
        if let until = count.pausedUntil {
            if until > now { return .failure(.paused(until: until)) }
            count.pausedUntil = nil
            count.wrong = 0
        }
        guard count.wrong + count.checking < attempts else {
            // The allowance is all taken by guesses being checked: this one waits for none of them.
            return .failure(.busy)
        }
        count.checking += 1
        count.lastSeen = now
        counts[key] = count
        forgetStalest(now: now)
        return .success(Ticket(key: key))
    }

    /// Settles a reserved guess: a right password ends the count; a wrong one counts, and the
    /// `attempts`-th pauses the address (returned).
    func settle(_ ticket: Ticket, right: Bool, now: Date) -> Date? {
        guard var count = counts[ticket.key] else { return nil }
        count.checking = max(0, count.checking - 1)
        count.lastSeen = now
        if right {
            count.wrong = 0
            count.pausedUntil = nil
        } else {
            count.wrong += 1
            if count.wrong >= attempts, count.pausedUntil == nil {
                count.pausedUntil = now.addingTimeInterval(pause)
            }
        }
        if count.wrong == 0, count.checking == 0, count.pausedUntil == nil {
            counts[ticket.key] = nil
        } else {
            counts[ticket.key] = count
        }
        return right ? nil : count.pausedUntil
    }

    /// Gives a reserved guess back unjudged (the check itself failed, e.g. the hasher was full).
    func release(_ ticket: Ticket) {
        guard var count = counts[ticket.key] else { return }
        count.checking = max(0, count.checking - 1)
        counts[ticket.key] = count.wrong == 0 && count.checking == 0 && count.pausedUntil == nil ? nil : count
    }

    /// Forgets the count of `key` (a password reset by e-mail lifts its pause), keeping guesses
    /// being checked now.
    func forget(_ key: String) {
        guard var count = counts[key] else { return }
        count.wrong = 0
        count.pausedUntil = nil
        counts[key] = count.checking == 0 ? nil : count
    }

    private func forgetStalest(now: Date) {
        guard counts.count > keptAddresses else { return }
        // Forget those whose pause is over and who are not being checked, stalest first, down to
        // nine tenths, so the sorting is paid once per tenth of the addresses, not per guess.
        let stale = counts.filter { $0.value.checking == 0 && ($0.value.pausedUntil ?? .distantPast) <= now }
            .sorted { $0.value.lastSeen < $1.value.lastSeen }
        for (key, _) in stale.prefix(counts.count - keptAddresses * 9 / 10) { counts[key] = nil }
    }

    /// How many addresses are remembered now.
    var remembered: Int { counts.count }

    enum Refusal: Error {
        /// Too many wrong guesses: paused until then.
        case paused(until: Date)
        /// As many guesses as are still allowed are being checked right now.
        case busy
    }
}
