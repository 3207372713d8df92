import Synchronization

/// A clock whose time moves only when something sleeps on it or advances it: sleeping until a
/// deadline jumps straight there. Tests and `--speed max` simulations run on it, so nothing
/// waits for real time and runs are exactly repeatable.
public final class VirtualClock: Clock, Sendable {
    /// A point in virtual time: the duration since the clock's start.
    public struct Instant: InstantProtocol, Sendable {
        public var offset: Duration

        public init(offset: Duration) { self.offset = offset }
        public func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        public func duration(to other: Instant) -> Duration { other.offset - offset }
        public static func < (a: Instant, b: Instant) -> Bool { a.offset < b.offset }
    }

    private let current = Mutex(Instant(offset: .zero))

    public init() {}

    public var now: Instant { current.withLock { $0 } }
    public var minimumResolution: Duration { .nanoseconds(1) }

    public func sleep(until deadline: Instant, tolerance: Duration? = nil) async throws {
        try Task.checkCancellation()
        current.withLock { if $0 < deadline { $0 = deadline } }
    }

    /// Moves time forward.
    public func advance(by duration: Duration) { current.withLock { $0 = $0.advanced(by: duration) } }
}
