import Foundation

/// Counts what one network address does over a sliding window — wrong password guesses, accounts
/// made — so that one machine cannot guess across many accounts or fill the studio with accounts
/// (issue #17, finding 3: only per-account limits existed, so a stranger could try 5 passwords
/// on every address in a list).
///
/// Guarantees: for one address (an IPv4 address, or the /64 network of an IPv6 one, which one
/// household or server holds), at most `limit` events are counted in any span of `window`
/// seconds, whatever the concurrency: an event is reserved before its work is done (a password
/// hashed), refused at once beyond the limit, and then counted or given back. The window truly
/// slides (the times of the counted events are kept, at most `limit` per address), so no burst
/// at a window's edge gets twice the limit. At most `keptAddresses` are remembered, the stalest
/// forgotten first. Kept in memory, per process.
actor NetworkAllowance {
    struct Count {
        /// When each counted event happened, oldest first (only those inside the window).
        var times: [Date] = []
        var pending = 0
        var lastSeen: Date
    }

    /// A reserved event, to be settled once its work is done.
    struct Ticket: Sendable {
        let key: String
    }

    let limit: Int
    let window: TimeInterval
    let keptAddresses: Int
    private var counts: [String: Count] = [:]

    init(limit: Int, window: TimeInterval, keptAddresses: Int = 50_000) {
        self.limit = max(1, limit)
        self.window = max(1, window)
        self.keptAddresses = max(1, keptAddresses)
    }

    /// Reserves one event for `address` at `now`, or refuses it with the time until one would be
    /// admitted. An unknown address (`nil`: no socket, a test) is not limited here.
    func reserve(_ address: String?, now: Date) -> Result<Ticket?, Refused> {
        guard let address else { return .success(nil) }
        let key = Self.network(of: address)
        var count = counts[key] ?? Count(lastSeen: now)
        count.times.removeAll { $0 <= now.addingTimeInterval(-window) }
        guard count.times.count + count.pending < limit else {
            counts[key] = count
            // The oldest counted event leaves the window then (with every slot pending, a second).
            let retry = count.times.first.map { $0.addingTimeInterval(window).timeIntervalSince(now) } ?? 1
            return .failure(Refused(retryAfter: max(1, retry)))
        }
        count.pending += 1
        count.lastSeen = now
        counts[key] = count
        forgetStalest(now: now)
        return .success(Ticket(key: key))
    }

    /// Settles a reserved event: `counted` adds it to the window at `now`, otherwise it is given
    /// back (a right password, a check that failed before it judged anything).
    func settle(_ ticket: Ticket?, counted: Bool, now: Date) {
        guard let ticket, var count = counts[ticket.key] else { return }
        count.pending = max(0, count.pending - 1)
        if counted { count.times.append(max(now, count.times.last ?? now)) }
        counts[ticket.key] = count.times.isEmpty && count.pending == 0 ? nil : count
    }

    /// How many addresses are remembered now.
    var remembered: Int { counts.count }

    /// The key an address is counted under: IPv4 as it is, IPv6 by its first 64 bits (one
    /// machine is given a whole /64 and may use any address in it).
    static func network(of address: String) -> String {
        guard address.contains(":") else { return address }
        // An IPv4 address written as IPv6 (`::ffff:192.0.2.1`) is that IPv4 address.
        if address.contains("."), let last = address.split(separator: ":").last { return String(last) }
        var groups = address.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        if let gap = groups.firstIndex(of: ""), groups.count < 8 {
            let missing = 8 - groups.filter { !$0.isEmpty }.count
            groups.removeAll { $0.isEmpty }
            groups.insert(contentsOf: Array(repeating: "0", count: missing), at: min(gap, groups.count))
        }
        let prefix = groups.prefix(4).map { String(Int($0, radix: 16) ?? 0, radix: 16) }
        return prefix.joined(separator: ":") + "::/64"
    }

    private func forgetStalest(now: Date) {
        guard counts.count > keptAddresses else { return }
        // Forget those with nothing pending, stalest first, down to nine tenths, so the sorting
        // is paid once per tenth of the addresses, not per event.
        let stale = counts.filter { $0.value.pending == 0 }.sorted { $0.value.lastSeen < $1.value.lastSeen }
        for (key, _) in stale.prefix(counts.count - keptAddresses * 9 / 10) { counts[key] = nil }
    }

    /// Too many from one network address: try again after `retryAfter` seconds.
    struct Refused: Error {
        var retryAfter: TimeInterval
    }
}
