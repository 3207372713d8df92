/// How late the loop's ticks start against their schedule: a fixed histogram (10 µs buckets to
/// 2 ms, then 1 ms buckets to 1 s), filled without allocating, read as percentiles.
public struct TickLateness: Sendable, Hashable {
    static let fineBuckets = 200
    static let coarseBuckets = 1_000
    private var fine: [Int]
    private var coarse: [Int]
    public private(set) var count = 0
    /// The latest tick, µs, and which tick it was (1 = the first).
    public private(set) var maximum: Int64 = 0
    public private(set) var latestTick = 0

    public init() {
        fine = Array(repeating: 0, count: Self.fineBuckets)
        coarse = Array(repeating: 0, count: Self.coarseBuckets)
    }

    /// Counts one tick that started `microseconds` after its time.
    public mutating func record(_ microseconds: Int64) {
        let late = max(0, microseconds)
        count += 1
        if late > maximum {
            maximum = late
            latestTick = count
        }
        if late < Int64(Self.fineBuckets * 10) {
            fine[Int(late / 10)] += 1
        } else {
            coarse[min(Self.coarseBuckets - 1, Int(late / 1_000))] += 1
        }
    }

    /// The lateness (µs, the bucket's upper edge) under which a fraction `p` of ticks fell.
    public func percentile(_ p: Double) -> Int64 {
        guard count > 0 else { return 0 }
        let target = Int((Double(count) * p).rounded(.up))
        var seen = 0
        for (index, n) in fine.enumerated() {
            seen += n
            if seen >= target { return min(maximum, Int64(index + 1) * 10) }
        }
        for (index, n) in coarse.enumerated() {
            seen += n
            if seen >= target { return min(maximum, Int64(index + 1) * 1_000) }
        }
        return maximum
    }
}
