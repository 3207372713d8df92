import Foundation
import PropertyBased
import Testing
import UnknotCore
import UnknotSignals

/// The streaming estimates equal the batch ones on the same data.
@Suite("Streaming")
struct StreamingTests {
    @Test("A streaming filter equals the batch causal filter, sample for sample")
    func filterEqualsBatch() async {
        await propertyCheck(count: 20, input: Gen.uint64().withoutShrink()) { seed in
            var rng = SeededGenerator(seed: seed)
            let rate = [50.0, 100, 1_000].randomElement(using: &rng)!
            let sections: SecondOrderSections
            do {
                sections = try Butterworth.design(
                    order: Int.random(in: 1...5, using: &rng), band: .lowpass(rate / 7), sampleRate: rate)
            } catch {
                Issue.record("seed \(seed): \(error)")
                return
            }
            let x = (0..<2_000).map { _ in rng.nextGaussian() }
            let batch = sections.filtered(x)
            var stream = StreamingFilter(sections)
            for (i, v) in x.enumerated() { #expect(abs(stream.step(v) - batch[i]) < 1e-9) }
        }
    }

    @Test("The rolling event rate equals the batch count and rate over the same window")
    func rateEqualsBatch() async {
        await propertyCheck(count: 50, input: Gen.uint64().withoutShrink()) { seed in
            var rng = SeededGenerator(seed: seed)
            var rolling = RollingEventRate(window: 60_000)
            var events: [Int] = []
            var t = 0
            for _ in 0..<Int.random(in: 1...300, using: &rng) {
                t += Int.random(in: 200...9_000, using: &rng)
                events.append(t)
                rolling.add(at: t)
            }
            let now = t + Int.random(in: 0...30_000, using: &rng)
            rolling.expire(now: now)
            let inside = events.filter { $0 > now - 60_000 }
            #expect(rolling.count == inside.count)
            let batch =
                inside.count >= 2 ? 60_000 / (Double(inside.last! - inside.first!) / Double(inside.count - 1)) : 0
            #expect(abs(rolling.perMinute - batch) < 1e-9 * max(1, batch))
        }
    }

    @Test("Breaths and skin responses counted live, at the right rates")
    func liveReading() throws {
        let rate = 25.0
        var stream = try BodySignalStream(sampleRate: rate)
        var rng = SeededGenerator(seed: 8)
        var breaths = 0
        var responses = 0
        let scrEvery = 15.0
        for i in 0..<Int(180 * rate) {
            let t = Double(i) / rate
            let ms = Int(t * 1_000)
            if stream.breath(sin(2 * Double.pi * 12 / 60 * t) + rng.nextGaussian(deviation: 0.03), at: ms) {
                breaths += 1
            }
            var eda = 5.0
            var onset = 5.0
            while onset < t {
                let s = t - onset
                eda += 0.4 * (exp(-s / 4) - exp(-s / 0.75))
                onset += scrEvery
            }
            if stream.skin(eda + rng.nextGaussian(deviation: 0.001), at: ms) { responses += 1 }
        }
        #expect(abs(breaths - 36) <= 1)
        #expect(abs(stream.breathing.perMinute - 12) < 0.3)
        #expect(abs(responses - 12) <= 1)
        #expect(abs(stream.responses.perMinute - 60 / scrEvery) < 0.3)
    }
}
