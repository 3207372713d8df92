import Foundation
import Testing
import UnknotCore
import UnknotSignals

/// Breath detection and rate on breathing with a known rhythm.
@Suite("Breathing")
struct BreathingTests {
    @Test("Monotone cubic interpolation passes through its points, never overshoots, and keeps lines straight")
    func monotoneCubic() throws {
        let x: [Double] = [0, 1, 2, 3, 4, 5, 6]
        let y: [Double] = [0, 0, 1, 1, 1, 5, 5]
        let curve = try MonotoneCubic(x: x, y: y)
        #expect(curve.values(at: x) == y)
        let dense = stride(from: 0.0, through: 6, by: 0.01).map { $0 }
        let values = curve.values(at: dense)
        for (a, b) in zip(values, values.dropFirst()) { #expect(b >= a - 1e-12) }
        #expect(values.allSatisfy { $0 >= -1e-12 && $0 <= 5 + 1e-12 })
        let line = try MonotoneCubic(x: x, y: x.map { 2 * $0 + 1 })
        for (t, v) in zip(dense, line.values(at: dense)) { #expect(abs(v - (2 * t + 1)) < 1e-9) }
    }

    @Test("Breaths of a steady 12-20 per minute are all found, at the right rate", arguments: [12.0, 15.0, 20.0])
    func steadyBreathing(_ perMinute: Double) throws {
        var rng = SeededGenerator(seed: UInt64(perMinute))
        let rate = 50.0
        let seconds = 300.0
        let signal = (0..<Int(seconds * rate)).map { i -> Double in
            let t = Double(i) / rate
            return sin(2 * Double.pi * perMinute / 60 * t) + 0.3 * sin(2 * Double.pi * 0.01 * t)
                + rng.nextGaussian(deviation: 0.02)
        }
        let processor = try RespirationProcessor(sampleRate: rate)
        let (peaks, troughs) = processor.breaths(try processor.clean(signal))
        // Every whole breath; the half-breaths cut by the start and end of the recording are not counted.
        let expected = seconds * perMinute / 60
        #expect(Double(peaks.count) <= expected && Double(peaks.count) >= expected - 2)
        #expect(peaks.count == troughs.count)
        for (trough, peak) in zip(troughs, peaks) { #expect(trough < peak) }
        let summary = BreathingSummary(peaks: peaks, troughs: troughs, samples: signal.count, sampleRate: rate)
        #expect(abs(summary.rate - perMinute) < 0.2)
        #expect(abs(summary.rateFromIntervals - perMinute) < 0.2)
        #expect(summary.intervalSD < 0.2)
    }
}
