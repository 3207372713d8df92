import Foundation
import Synchronization

/// What the load measured: when each console's control left and when its station got it, and
/// how many updates the consoles received.
actor LatencyRecorder {
    private var sentAt: [String: ContinuousClock.Instant] = [:]
    private var latencies: [Double] = []
    private var lost = 0
    /// Updates the consoles received: counted without a hop onto this actor (5,000 a second).
    nonisolated let updates = Atomic<Int>(0)

    func reset() {
        sentAt.removeAll()
        latencies.removeAll()
        updates.store(0, ordering: .relaxed)
        lost = 0
    }

    /// A console sent a control for `session` (one outstanding per session).
    func sent(session: String) {
        if sentAt[session] != nil { lost += 1 }
        sentAt[session] = .now
    }

    /// The station of `session` got its control.
    func received(session: String) {
        guard let at = sentAt.removeValue(forKey: session) else { return }
        let d = ContinuousClock.now - at
        latencies.append(Double(d.components.seconds) * 1_000 + Double(d.components.attoseconds) / 1e15)
    }

    nonisolated func update() { updates.add(1, ordering: .relaxed) }

    func figures(seconds: Double, consoles: Int) -> String {
        let sorted = latencies.sorted()
        func at(_ q: Double) -> String {
            guard !sorted.isEmpty else { return "–" }
            return String(format: "%.1f", sorted[min(sorted.count - 1, Int(q * Double(sorted.count - 1)))])
        }
        let updates = updates.load(ordering: .relaxed)
        let perConsole = consoles > 0 ? Double(updates) / seconds / Double(consoles) : 0
        return """
            controls relayed: \(sorted.count) (never arrived: \(lost + sentAt.count))
            console control → station, ms: p50 \(at(0.5)), p99 \(at(0.99)), max \(at(1))
            console updates: \(String(format: "%.1f", perConsole)) a second per console (\(updates) in all)
            """
    }
}
