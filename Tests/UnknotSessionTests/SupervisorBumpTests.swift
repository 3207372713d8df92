import Testing
import UnknotCore
import UnknotSession
import UnknotTesting

/// A bump (issue #19): the table jolted or the client moving makes the measured force jump far
/// above the force the arm was told to press. The supervisor lifts on the very next setpoint, keeps
/// the arm off the skin for the bump's hold, then lets it land again at the rise limit — with no
/// fault for staff to clear. Above the ceiling it is a fault still.
@Suite("Safety supervisor: a bump lifts at once")
struct SupervisorBumpTests {
    static let upperBack = BodyPartID(.upperBack, .right)

    @Test("a force far above the allowed lifts the next setpoint, holds it lifted, then lands at the rise limit")
    func bumpLiftsAndHolds() {
        let point = Fixtures.body.patch(for: Self.upperBack).center
        var s = SafetyScenarioTests.supervisor(at: point)
        let pressed = SupervisorDefectTests.press(&s, Self.upperBack, point, force: 500, ticks: 3_000)
        let allowed = s.allowedForce(for: Self.upperBack, with: .gliding)
        #expect(pressed.contact && abs(pressed.normalForce - allowed) < 1e-9)
        let limit = SafetyLimits.bumpLimit(
            reference: pressed.normalForce, ceiling: s.ceiling(for: Self.upperBack, with: .gliding))
        #expect(limit < s.ceiling(for: Self.upperBack, with: .gliding), "the back's bump is below its ceiling")
        // Just under the limit: the stroke goes on.
        s.observe(SensorFrame(measuredForce: limit - 0.5, tissueStiffness: 8), at: 3_001)
        #expect(s.filter(SafetyScenarioTests.contact(Self.upperBack, point, .gliding, 500), at: 3_001).contact)
        // Over it: lifted on the next setpoint, in place, with no force and no fault.
        s.observe(SensorFrame(measuredForce: limit + 0.5, tissueStiffness: 8), at: 3_002)
        let lifted = s.filter(SafetyScenarioTests.contact(Self.upperBack, point, .gliding, 500), at: 3_002)
        #expect(!lifted.contact && lifted.normalForce == 0 && lifted.position == point)
        #expect(s.fault == nil && s.bumps == 1)
        // Held lifted for the bump's hold, whatever is asked, though the frames are calm again.
        let end = 3_002 + SafetyLimits.bumpHoldMilliseconds
        for t in 3_003..<end {
            s.observe(SensorFrame(measuredForce: 0, tissueStiffness: 0), at: t)
            #expect(!s.filter(SafetyScenarioTests.contact(Self.upperBack, point, .gliding, 500), at: t).contact)
        }
        #expect(s.interventions.bumpLifted == SafetyLimits.bumpHoldMilliseconds)
        // Then it lands again, from nothing, at the rise limit.
        s.observe(SensorFrame(measuredForce: 0, tissueStiffness: 0), at: end)
        let landed = s.filter(SafetyScenarioTests.contact(Self.upperBack, point, .gliding, 500), at: end)
        #expect(landed.contact && abs(landed.normalForce - SafetySupervisor.risePerTick) < 1e-9)
    }

    @Test("the limit follows the force pressed: at a softer level a smaller jolt is a bump")
    func limitFollowsLevel() {
        let point = Fixtures.body.patch(for: Self.upperBack).center
        var s = SafetyScenarioTests.supervisor(at: point)
        s.setClientLevel(PressureLevel(clamping: 2), for: Self.upperBack)
        let pressed = SupervisorDefectTests.press(&s, Self.upperBack, point, force: 500, ticks: 3_000)
        let allowed = s.allowedForce(for: Self.upperBack, with: .gliding)
        #expect(abs(pressed.normalForce - allowed) < 1e-9)
        let jolt = allowed * SafetyLimits.bumpFactor + SafetyLimits.bumpMargin + 1
        s.observe(SensorFrame(measuredForce: jolt, tissueStiffness: 8), at: 3_001)
        #expect(!s.filter(SafetyScenarioTests.contact(Self.upperBack, point, .gliding, 500), at: 3_001).contact)
        #expect(s.lastBump.map { $0.measured == jolt && $0.limit == jolt - 1 } == true)
    }

    @Test("a press cut at once (pain) is no bump while the tissue still pushes back")
    func cutPressIsNoBump() {
        let point = Fixtures.body.patch(for: Self.upperBack).center
        var s = SafetyScenarioTests.supervisor(at: point)
        let pressed = SupervisorDefectTests.press(&s, Self.upperBack, point, force: 500, ticks: 3_000)
        // The engine cuts the press to 5 N; the tissue's force decays over 60 ms.
        for t in 3_001...3_100 {
            let measured = 5 + (pressed.normalForce - 5) * max(0, 1 - Double(t - 3_001) / 60)
            s.observe(SensorFrame(measuredForce: measured, tissueStiffness: 8), at: t)
            #expect(s.filter(SafetyScenarioTests.contact(Self.upperBack, point, .gliding, 5), at: t).contact)
        }
        #expect(s.bumps == 0 && s.fault == nil)
    }

    @Test("above the ceiling it is a fault, which only a clear ends")
    func aboveCeilingFaults() {
        let point = Fixtures.body.patch(for: Self.upperBack).center
        var s = SafetyScenarioTests.supervisor(at: point)
        _ = SupervisorDefectTests.press(&s, Self.upperBack, point, force: 500, ticks: 3_000)
        let ceiling = s.ceiling(for: Self.upperBack, with: .gliding)
        s.observe(SensorFrame(measuredForce: ceiling + 1, tissueStiffness: 8), at: 3_001)
        #expect(s.fault == .forceAboveCeiling(measured: ceiling + 1, ceiling: ceiling) && s.bumps == 0)
        let later = 3_001 + SafetyLimits.bumpHoldMilliseconds * 2
        for t in 3_001...later {
            s.observe(SensorFrame(measuredForce: 0, tissueStiffness: 0), at: t)
            #expect(!s.filter(SafetyScenarioTests.contact(Self.upperBack, point, .gliding, 500), at: t).contact)
        }
        #expect(s.fault != nil)
    }
}
