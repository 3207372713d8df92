/// Keeps a tick loop in step with a clock: tick `n` happens `n` milliseconds (divided by the
/// speed-up) after the start. On a ``VirtualClock`` nothing waits; on a real clock the loop
/// sleeps whenever it runs ahead.
public struct TickPacer<C: Clock>: Sendable where C.Duration == Duration {
    public let clock: C
    /// How many times faster than real time (1 on a station, 60 for a quick look).
    public let speedUp: Double
    private let start: C.Instant

    public init(clock: C, speedUp: Double = 1) {
        self.clock = clock
        self.speedUp = max(speedUp, 1e-3)
        start = clock.now
    }

    /// Waits until tick `n` is due.
    public func wait(untilTick n: Int) async throws {
        let due = start.advanced(by: .microseconds(Int64((Double(n) * 1_000 / speedUp).rounded())))
        if clock.now < due { try await clock.sleep(until: due, tolerance: .milliseconds(1)) }
    }
}
