/// Bounds how many test studios hold PostgreSQL connections at once. Swift Testing starts every
/// test at once; each studio pools up to 8 connections per event loop, so a few dozen studios
/// together exhausted the test server's 300 (`sorry, too many clients already`, seen as a 503 or a
/// database failure in whichever test came last). Tests past the bound wait their turn.
actor PostgresGate {
    static let shared = PostgresGate(limit: 10)

    private let limit: Int
    private var inside = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) { self.limit = limit }

    func enter() async {
        if inside < limit {
            inside += 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    /// Lets the next waiting test in (its place passes on), or frees the place.
    func leave() {
        if waiting.isEmpty {
            inside -= 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
