import Testing
import UnknotCore
import UnknotSession
import UnknotSignals
import UnknotSimulation
import UnknotTesting

/// The simulated client's body signals follow its state (CARE.md section 7).
@Suite("Synthetic biosignals")
struct BiosignalTests {
    @Test("Relaxation: heart rate down, RMSSD up, breathing slower")
    func relaxation() {
        var calm = SyntheticBiosignals(seed: 1)
        var tense = SyntheticBiosignals(seed: 1)
        var relaxed = BodyState()
        relaxed.relaxation = 0.9
        var calmRR: [Double] = []
        var tenseRR: [Double] = []
        var calmBreaths = 0
        var tenseBreaths = 0
        var lastCalm = 0.0
        var lastTense = 0.0
        for t in 1...300_000 {
            let a = calm.step(at: t, state: relaxed)
            let b = tense.step(at: t, state: BodyState())
            if t > 60_000 {
                if let rr = a.beat { calmRR.append(rr) }
                if let rr = b.beat { tenseRR.append(rr) }
                if let s = a.sample {
                    if lastCalm < 0, s.respiration >= 0 { calmBreaths += 1 }
                    lastCalm = s.respiration
                }
                if let s = b.sample {
                    if lastTense < 0, s.respiration >= 0 { tenseBreaths += 1 }
                    lastTense = s.respiration
                }
            }
        }
        let c = HeartRhythm(rrMilliseconds: calmRR)
        let s = HeartRhythm(rrMilliseconds: tenseRR)
        #expect(c.heartRate < s.heartRate - 5)
        #expect(c.rmssd > s.rmssd * 1.5)
        #expect(calmBreaths < tenseBreaths)
    }

    @Test("Pain: heart rate up and a skin-conductance response within seconds")
    func pain() {
        var signals = SyntheticBiosignals(seed: 2)
        var state = BodyState()
        var before: [Double] = []
        var during: [Double] = []
        var conductanceBefore = 0.0
        var peak = 0.0
        for t in 1...120_000 {
            if t == 60_000 { state.pain = 0.8 }
            let out = signals.step(at: t, state: state)
            if let rr = out.beat {
                if t > 40_000, t < 60_000 { before.append(rr) }
                if t > 70_000, t < 90_000 { during.append(rr) }
            }
            if let s = out.sample {
                if t < 60_000 { conductanceBefore = s.skinConductance }
                if t >= 60_000, t < 65_000 { peak = max(peak, s.skinConductance) }
            }
        }
        #expect(HeartRhythm(rrMilliseconds: during).heartRate > HeartRhythm(rrMilliseconds: before).heartRate + 8)
        #expect(peak - conductanceBefore > 0.3)
    }

    @Test("Crying: heart rate rises, then falls quickly")
    func crying() {
        var signals = SyntheticBiosignals(seed: 3)
        var state = BodyState()
        var early: [Double] = []
        var late: [Double] = []
        for t in 1...200_000 {
            state.cryingFor = t >= 100_000 ? t - 100_000 : -1
            if let rr = signals.step(at: t, state: state).beat {
                if t > 105_000, t < 120_000 { early.append(rr) }
                if t > 150_000 { late.append(rr) }
            }
        }
        #expect(HeartRhythm(rrMilliseconds: early).heartRate > HeartRhythm(rrMilliseconds: late).heartRate + 5)
    }
}
