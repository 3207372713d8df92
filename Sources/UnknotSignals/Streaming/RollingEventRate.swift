/// Events (breaths, skin conductance responses) over the last `window` milliseconds: how many,
/// and the rate per minute from the mean interval between them. Constant time per event, no
/// allocation after creation.
///
/// Guarantees: after ``add(at:)`` and ``expire(now:)``, ``count`` and ``perMinute`` equal the
/// batch figures over the event times inside the window `(now - window, now]`.
public struct RollingEventRate: Sendable {
    public let window: Int
    private var times: [Int]
    private var head = 0
    public private(set) var count = 0

    public init(window: Int = 60_000, capacity: Int = 512) {
        self.window = window
        times = Array(repeating: 0, count: max(2, capacity))
    }

    /// Records an event at `time` (ms, non-decreasing).
    public mutating func add(at time: Int) {
        if count == times.count {
            head = (head + 1) % times.count
            count -= 1
        }
        times[(head + count) % times.count] = time
        count += 1
        expire(now: time)
    }

    /// Forgets events that left the window.
    public mutating func expire(now: Int) {
        while count > 0, times[head] <= now - window {
            head = (head + 1) % times.count
            count -= 1
        }
    }

    /// Events per minute from the mean interval between the events in the window (0 with fewer
    /// than two).
    public var perMinute: Double {
        guard count >= 2 else { return 0 }
        let first = times[head]
        let last = times[(head + count - 1) % times.count]
        guard last > first else { return 0 }
        return 60_000 / (Double(last - first) / Double(count - 1))
    }
}
