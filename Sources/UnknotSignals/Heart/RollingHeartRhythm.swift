/// Heart rate and RMSSD over the last `window` milliseconds of beats, updated in constant time
/// per beat and without allocating after creation.
///
/// Guarantees: after each ``add(rrMilliseconds:at:)``, ``meanRR`` and ``rmssd`` equal the batch
/// values over the beats whose time lies within the window (to floating-point rounding); beats
/// beyond ``capacity`` inside one window drop the oldest first.
public struct RollingHeartRhythm: Sendable {
    public let window: Int
    public let capacity: Int
    private(set) var times: [Int]
    fileprivate(set) var intervals: [Double]
    fileprivate(set) var head = 0
    public private(set) var count = 0
    private var sumRR = 0.0
    private var sumSquaredDiffs = 0.0

    /// - Parameters:
    ///   - window: how far back beats count, milliseconds (60 s by default).
    ///   - capacity: most beats held (256 covers 250 bpm over a minute).
    public init(window: Int = 60_000, capacity: Int = 256) {
        self.window = window
        self.capacity = max(2, capacity)
        times = Array(repeating: 0, count: self.capacity)
        intervals = Array(repeating: 0, count: self.capacity)
    }

    /// Adds one beat: the interval since the previous one, ending at time `at` (ms).
    public mutating func add(rrMilliseconds rr: Double, at time: Int) {
        if count == capacity { dropOldest() }
        let index = (head + count) % capacity
        if count > 0 {
            let previous = intervals[(index + capacity - 1) % capacity]
            sumSquaredDiffs += (rr - previous) * (rr - previous)
        }
        times[index] = time
        intervals[index] = rr
        sumRR += rr
        count += 1
        while count > 1, times[head] <= time - window { dropOldest() }
    }

    private mutating func dropOldest() {
        let next = (head + 1) % capacity
        if count > 1 {
            let d = intervals[next] - intervals[head]
            sumSquaredDiffs = max(0, sumSquaredDiffs - d * d)
        }
        sumRR -= intervals[head]
        head = next
        count -= 1
        if count == 0 {
            sumRR = 0
            sumSquaredDiffs = 0
        }
    }

    /// Mean RR interval, milliseconds (0 with no beats).
    public var meanRR: Double { count > 0 ? sumRR / Double(count) : 0 }
    /// Mean heart rate, beats per minute (0 with no beats).
    public var heartRate: Double { meanRR > 0 ? 60_000 / meanRR : 0 }
    /// Root mean square of successive differences, milliseconds (0 with fewer than two beats).
    public var rmssd: Double { count > 1 ? (sumSquaredDiffs / Double(count - 1)).squareRoot() : 0 }
}

extension RollingHeartRhythm {
    /// The intervals in the window, oldest first (allocates; not for the hot path).
    public var intervalsInWindow: [Double] { (0..<count).map { intervals[(head + $0) % capacity] } }
}
