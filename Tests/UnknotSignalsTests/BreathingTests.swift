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

    @Test("Breath events of a recording: one sigh, one laughter bout, one bout of sob-like breathing, where they are")
    func breathEvents() throws {
        let rate = 100.0
        let perMinute = 12.0
        let period = 60 / perMinute
        let signal = (0..<Int(150 * rate)).map { i -> Double in
            let t = Double(i) / rate
            let breath = sin(2 * Double.pi * perMinute / 60 * t) * (t >= 20 * period && t < 21 * period ? 2.4 : 1)
            let laugh = t >= 40 && t < 42.5 ? 0.6 * sin(2 * Double.pi * 5 * t) : 0
            // Sobbing: trains of catching inhalations through each in-breath.
            let inhaling = sin(2 * Double.pi * perMinute / 60 * t) > 0
            let sobs = t >= 60 && t < 80 && inhaling ? 1.4 * max(0, sin(2 * Double.pi * 2.7 * t)) : 0
            return breath + laugh + sobs
        }
        let events = try BreathEvents.read(signal, sampleRate: rate)
        #expect(events.sighs.count == 1)
        if let sigh = events.sighs.first { #expect(abs(Double(sigh) / 1_000 - 21 * period) < period) }
        #expect(events.laughter.count == 1)
        if let bout = events.laughter.first {
            #expect(abs(Double(bout.start) / 1_000 - 40) < 1)
            #expect(Double(bout.end) / 1_000 > 42 && Double(bout.end) / 1_000 < 46)
        }
        #expect(events.sobbing.count == 1)
        if let bout = events.sobbing.first {
            #expect(abs(Double(bout.start) / 1_000 - 60) < 1.5)
            #expect(Double(bout.end) / 1_000 > 79 && Double(bout.end) / 1_000 < 86)
        }
        // Too slow a recording for the bursts is refused clearly.
        #expect(throws: SignalError.self) { try BreathEvents.read(signal, sampleRate: 10) }
    }
}
