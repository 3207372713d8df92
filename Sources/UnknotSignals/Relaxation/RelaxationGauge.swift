/// A calm, slow reading of how relaxed the client is, from heart rate and breathing rate
/// against their own first minute on the table: 0 is as tense as at the start (or more), 1 is
/// deeply relaxed (heart 10 bpm slower and breathing 4 breaths a minute slower than at the start).
///
/// The console shows it as a gauge, so it must not flicker: the reading follows the signals
/// with a time constant of ``smoothingMilliseconds``. Guarantees: the value stays in 0...1;
/// ``update(heartRate:breathsPerMinute:at:)`` takes constant time and allocates nothing; no
/// reading is given before there is a baseline.
public struct RelaxationGauge: Sendable {
    /// How long the baseline is gathered, ms.
    public static let baselineMilliseconds = 60_000
    public static let smoothingMilliseconds = 15_000.0
    /// The slowing of the heart (bpm) and of breathing (per minute) that reads as fully relaxed.
    public static let fullHeartSlowing = 10.0
    public static let fullBreathSlowing = 4.0

    public private(set) var baselineHeartRate = 0.0
    public private(set) var baselineBreathing = 0.0
    private var heartSamples = 0
    private var breathSamples = 0
    private var lastTime: Int?
    /// The smoothed reading, `nil` until the baseline is known.
    public private(set) var value: Double?

    public init() {}

    /// Takes the current heart rate (bpm, 0 when unknown) and breathing rate (per minute, 0 when
    /// unknown) at `time` ms since the session started, and returns the reading.
    @discardableResult
    public mutating func update(heartRate: Double, breathsPerMinute: Double, at time: Int) -> Double? {
        defer { lastTime = time }
        if time < Self.baselineMilliseconds {
            if heartRate > 0 {
                heartSamples += 1
                baselineHeartRate += (heartRate - baselineHeartRate) / Double(heartSamples)
            }
            if breathsPerMinute > 0 {
                breathSamples += 1
                baselineBreathing += (breathsPerMinute - baselineBreathing) / Double(breathSamples)
            }
            return nil
        }
        var parts = 0.0
        var weight = 0.0
        if heartSamples > 0, heartRate > 0 {
            parts += clamp((baselineHeartRate - heartRate) / Self.fullHeartSlowing)
            weight += 1
        }
        if breathSamples > 0, breathsPerMinute > 0 {
            parts += clamp((baselineBreathing - breathsPerMinute) / Self.fullBreathSlowing)
            weight += 1
        }
        guard weight > 0 else { return value }
        let target = parts / weight
        guard let previous = value, let last = lastTime, time > last else {
            value = target
            return value
        }
        let alpha = min(1, Double(time - last) / Self.smoothingMilliseconds)
        value = previous + (target - previous) * alpha
        return value
    }

    /// The reading in words for the console.
    public static func words(_ value: Double?) -> String {
        guard let value else { return "getting to know you" }
        switch value {
        case ..<0.2: return "settling"
        case ..<0.5: return "relaxing"
        case ..<0.8: return "relaxed"
        default: return "deeply relaxed"
        }
    }

    private func clamp(_ x: Double) -> Double { min(1, max(0, x)) }
}
