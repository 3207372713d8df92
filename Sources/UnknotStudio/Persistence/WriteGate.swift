/// Lets one write transaction at a time into an SQLite database, first come first served.
///
/// SQLite allows one writer; two transactions that both read and then write can deadlock and
/// fail at once with SQLITE_BUSY. Queuing them in the process (SQLite serves one process) turns
/// that into waiting. The unique constraints still decide who gets a slot. PostgreSQL needs
/// no gate: its constraints and row locks work across server instances.
actor WriteGate {
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func enter() async {
        if !busy {
            busy = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func leave() {
        if waiting.isEmpty {
            busy = false
        } else {
            waiting.removeFirst().resume()
        }
    }
}
