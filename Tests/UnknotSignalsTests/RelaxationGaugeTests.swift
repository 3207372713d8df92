import PropertyBased
import Testing
import UnknotCore
import UnknotSignals

/// The console's relaxation gauge: calm, bounded, read against the client's own first minute.
@Suite("Relaxation gauge")
struct RelaxationGaugeTests {
    @Test("Nothing before the baseline minute; then 0 when unchanged and 1 when heart and breath slowed fully")
    func readsAgainstTheBaseline() {
        var gauge = RelaxationGauge()
        for t in stride(from: 0, to: 60_000, by: 1_000) {
            #expect(gauge.update(heartRate: 75, breathsPerMinute: 15, at: t) == nil)
        }
        #expect(gauge.baselineHeartRate == 75 && gauge.baselineBreathing == 15)
        gauge.update(heartRate: 75, breathsPerMinute: 15, at: 60_000)
        #expect(gauge.value == 0)
        // Heart 10 bpm slower and breathing 4 a minute slower, held: the reading climbs to 1.
        var last = 0.0
        for t in stride(from: 61_000, through: 300_000, by: 1_000) {
            let value = gauge.update(heartRate: 65, breathsPerMinute: 11, at: t) ?? -1
            #expect(value >= last - 1e-12, "it rises steadily, never jumps back")
            last = value
        }
        #expect(last > 0.99)
        #expect(RelaxationGauge.words(last) == "deeply relaxed")
        #expect(RelaxationGauge.words(nil) == "getting to know you")
    }

    @Test("A sudden change moves the gauge only part of the way in a second (it must not flicker)")
    func smooth() {
        var gauge = RelaxationGauge()
        for t in stride(from: 0, to: 60_000, by: 1_000) { gauge.update(heartRate: 80, breathsPerMinute: 16, at: t) }
        gauge.update(heartRate: 80, breathsPerMinute: 16, at: 60_000)
        let after = gauge.update(heartRate: 60, breathsPerMinute: 10, at: 61_000) ?? 0
        #expect(after > 0 && after < 0.1)
    }

    @Test("Whatever the signals (missing, wild, tenser than at the start), the reading stays in 0...1")
    func bounded() async {
        await propertyCheck(count: 100, input: Gen.uint64().withoutShrink()) { seed in
            var rng = SeededGenerator(seed: seed)
            var gauge = RelaxationGauge()
            var t = 0
            for _ in 0..<400 {
                t += Int.random(in: 1...5_000, using: &rng)
                let heart = Bool.random(using: &rng) ? 0 : Double.random(in: 30...200, using: &rng)
                let breath = Bool.random(using: &rng) ? 0 : Double.random(in: 2...40, using: &rng)
                if let value = gauge.update(heartRate: heart, breathsPerMinute: breath, at: t) {
                    #expect(value >= 0 && value <= 1)
                }
            }
        }
    }
}
