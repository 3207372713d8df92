import Testing
import UnknotCore
import UnknotSession
import UnknotTesting

/// The supervisor's defects found by reading it (issue #13): each test failed on the
/// supervisor before it derived everything from the contact's position.
@Suite("Safety supervisor: trusts nothing")
struct SupervisorDefectTests {
    static let body = Fixtures.body
    static let neck = BodyPartID(.neck, .right)
    static let upperBack = BodyPartID(.upperBack, .right)

    /// Presses `force` at `point` for ten seconds with honest frames; returns the last output.
    static func press(
        _ s: inout SafetySupervisor, _ label: BodyPartID?, _ point: SurfacePoint, _ technique: Technique = .gliding,
        force: Double = 500, face: BodyFace = .posterior, from start: Int = 1, ticks: Int = 10_000
    ) -> Setpoint {
        var out = Setpoint.lifted(at: point, face: face)
        for t in start..<(start + ticks) {
            s.observe(SensorFrame(measuredForce: out.normalForce, tissueStiffness: 8), at: t)
            out = s.filter(SafetyScenarioTests.contact(label, point, technique, force, face: face), at: t)
        }
        return out
    }

    static var level5: PressureLevel { PressureLevel(clamping: 5) }

    @Test("A setpoint labelled upper back whose position lies on the neck gets the neck's limits")
    func labelThatLies() {
        // Where the planner works the neck with a glide: the disk's edge just clear of the spine.
        let neck = Self.body.patch(for: Self.neck)
        // Low on the neck, so the disk reaches the shoulders (a laxer part), not the jaw.
        let point = SurfacePoint(x: SafetyLimits.spineHalfWidth + 4.5 + 0.01, y: neck.bottom - 1)
        var s = SafetyScenarioTests.supervisor(at: point)
        let out = Self.press(&s, Self.upperBack, point)
        let allowed = PressureScale.force(Self.level5, on: .neck, with: .gliding)
        #expect(out.contact)
        #expect(abs(out.normalForce - allowed) < 1e-9, "\(out.normalForce) N on the neck")
        #expect(out.part == Self.neck, "the output names where the contact really is")
    }

    @Test("A disk that overlaps the neck from the shoulders gets the strictest limit of both")
    func strictestPartUnderTheDisk() {
        let shoulders = Self.body.patch(for: BodyPartID(.shoulders, .right))
        let neck = Self.body.patch(for: Self.neck)
        let point = SurfacePoint(x: shoulders.center.x, y: neck.bottom + 1)
        #expect(shoulders.contains(point) && !neck.contains(point))
        var s = SafetyScenarioTests.supervisor(at: point)
        let out = Self.press(&s, BodyPartID(.shoulders, .right), point)
        #expect(abs(out.normalForce - PressureScale.force(Self.level5, on: .neck, with: .gliding)) < 1e-9)
        // Far from the neck, the shoulders' own limit.
        let clear = SurfacePoint(x: shoulders.center.x, y: shoulders.bottom - 0.5)
        var t = SafetyScenarioTests.supervisor(at: clear)
        let free = Self.press(&t, BodyPartID(.shoulders, .right), clear, .compression)
        #expect(abs(free.normalForce - PressureScale.force(Self.level5, on: .shoulders, with: .compression)) < 1e-9)
    }

    @Test("A contact whose disk touches no part of the body is lifted")
    func offTheBody() {
        let beside = SurfacePoint(x: 60, y: 40)
        #expect(!SafetyScenarioTests.firstContact(CarePlan(), Self.upperBack, beside, .gliding).contact)
        // The crown of the head is no part: a trigger-point hold there touches nothing it may.
        let crown = SurfacePoint(x: 0, y: 3)
        #expect(
            !SafetyScenarioTests.firstContact(CarePlan(), BodyPartID(.neck, .right), crown, .triggerPointHold).contact)
        // Over the side of the neck, as the planner places a broad stroke clear of the spine:
        // the disk lies on the neck, so it is on the body, with the neck's limits.
        let neck = Self.body.patch(for: Self.neck)
        let side = SurfacePoint(x: neck.maxX + 0.3, y: neck.center.y)
        #expect(!neck.contains(side))
        #expect(SafetyScenarioTests.firstContact(CarePlan(), Self.neck, side, .gliding).contact)
    }

    @Test("A position, force or speed that is not a number lifts and faults as a software fault that never clears")
    func nonFiniteValues() {
        let point = Self.body.patch(for: Self.upperBack).center
        for broken in 0..<4 {
            var s = SafetyScenarioTests.supervisor(at: point)
            _ = Self.press(&s, Self.upperBack, point, ticks: 2_000)
            var bad = SafetyScenarioTests.contact(Self.upperBack, point, .gliding, 30)
            switch broken {
            case 0: bad.position.x = .nan
            case 1: bad.position.y = -.infinity
            case 2: bad.normalForce = .nan
            default: bad.speed = .infinity
            }
            s.observe(SensorFrame(measuredForce: 30, tissueStiffness: 8), at: 2_001)
            let out = s.filter(bad, at: 2_001)
            #expect(!out.contact && out.normalForce == 0 && out.position.x.isFinite && out.position.y.isFinite)
            guard case .invalidSetpoint = s.fault else {
                Issue.record("case \(broken): expected a software fault, got \(String(describing: s.fault))")
                continue
            }
            #expect(s.fault?.description.hasPrefix("software fault") == true)
            s.observe(SensorFrame(measuredForce: 0, tissueStiffness: 0), at: 2_002)
            let cleared = s.clearFault(at: 2_002)
            #expect(!cleared)
            #expect(!s.filter(SafetyScenarioTests.contact(Self.upperBack, point, .gliding, 30), at: 2_003).contact)
        }
    }

    @Test("Contact that jumps further than the stroke speed allows lifts; lifted travel is cut to the travel speed")
    func noTeleporting() {
        let point = Self.body.patch(for: Self.upperBack).center
        var s = SafetyScenarioTests.supervisor(at: point)
        let before = Self.press(&s, Self.upperBack, point, ticks: 1_000)
        #expect(before.contact)
        // 1 cm in 1 ms is 10 m/s.
        let far = SurfacePoint(x: point.x, y: point.y + 1)
        s.observe(SensorFrame(measuredForce: before.normalForce, tissueStiffness: 8), at: 1_001)
        let jumped = s.filter(SafetyScenarioTests.contact(Self.upperBack, far, .gliding, 30), at: 1_001)
        #expect(!jumped.contact && jumped.normalForce == 0)
        #expect(jumped.position.distance(to: point) <= SafetySupervisor.travelStep + 1e-12)
        // A slide at 10 cm/s is a stroke, not a jump.
        var u = SafetyScenarioTests.supervisor(at: point)
        var out = Self.press(&u, Self.upperBack, point, ticks: 500)
        for k in 1...500 {
            let p = SurfacePoint(x: point.x, y: point.y + Double(k) * 0.01)
            u.observe(SensorFrame(measuredForce: out.normalForce, tissueStiffness: 8), at: 500 + k)
            out = u.filter(SafetyScenarioTests.contact(Self.upperBack, p, .gliding, 30), at: 500 + k)
            #expect(out.contact)
        }
    }

    @Test("Only the face the client lies on can be touched")
    func lyingFace() {
        let chest = Self.body.patch(for: BodyPartID(.chest, .right)).center
        var care = CarePlan()
        care.sensitiveAreasOptedIn = [.chest]
        #expect(SafetyScenarioTests.firstContact(care, nil, chest, .gliding, face: .anterior).contact)
        // The arm waits over the same place on the table: the chest's point, on the back's chart.
        var s = SafetyScenarioTests.supervisor(care, at: chest.mirrored, face: .posterior)
        s.observe(SensorFrame(measuredForce: 0, tissueStiffness: 0), at: 1)
        let out = s.filter(
            SafetyScenarioTests.contact(BodyPartID(.chest, .right), chest, .gliding, 5, face: .anterior), at: 1)
        #expect(!out.contact, "the client lies prone: the chest is under them")
        s.clientLies(on: .anterior)
        s.observe(SensorFrame(measuredForce: 0, tissueStiffness: 0), at: 2)
        #expect(
            s.filter(
                SafetyScenarioTests.contact(BodyPartID(.chest, .right), chest, .gliding, 5, face: .anterior), at: 2
            )
            .contact)
    }

    @Test("Impossible sensor frames are faults: not a number, negative force, negative stiffness")
    func impossibleFrames() {
        let point = Self.body.patch(for: Self.upperBack).center
        let frames = [
            SensorFrame(measuredForce: .nan, tissueStiffness: 8),
            SensorFrame(measuredForce: 30, tissueStiffness: .infinity),
            SensorFrame(measuredForce: -40, tissueStiffness: 8), SensorFrame(measuredForce: 30, tissueStiffness: -2),
        ]
        for frame in frames {
            var s = SafetyScenarioTests.supervisor(at: point)
            _ = Self.press(&s, Self.upperBack, point, ticks: 1_000)
            s.observe(frame, at: 1_001)
            guard case .implausibleReading = s.fault else {
                Issue.record("\(frame): expected a sensor fault, got \(String(describing: s.fault))")
                continue
            }
            #expect(!s.filter(SafetyScenarioTests.contact(Self.upperBack, point, .gliding, 30), at: 1_001).contact)
            let early = s.clearFault(at: 1_002)
            #expect(!early, "the last frame was implausible")
            s.observe(SensorFrame(measuredForce: 0, tissueStiffness: 0), at: 1_002)
            let later = s.clearFault(at: 1_002)
            #expect(later, "plausible frames again")
        }
    }

    @Test("Force with the arm lifted: the contact's own ceiling while it leaves the skin, then the noise floor")
    func forceWithoutContact() {
        let point = Self.body.patch(for: Self.upperBack).center
        var s = SafetyScenarioTests.supervisor(at: point)
        let pressed = Self.press(&s, Self.upperBack, point, ticks: 3_000)
        #expect(pressed.normalForce > 50)
        s.observe(SensorFrame(measuredForce: pressed.normalForce, tissueStiffness: 8), at: 3_001)
        #expect(!s.filter(.lifted(at: point, face: .posterior), at: 3_001).contact)
        // Still leaving the skin: the back's force decays, no fault.
        for t in 3_002...3_050 {
            s.observe(SensorFrame(measuredForce: pressed.normalForce * 0.9, tissueStiffness: 8), at: t)
            _ = s.filter(.lifted(at: point, face: .posterior), at: t)
        }
        #expect(s.fault == nil, "\(String(describing: s.fault))")
        let settled = 3_001 + SafetyLimits.liftSettleMilliseconds + 1
        for t in 3_051..<settled { s.observe(SensorFrame(measuredForce: 2, tissueStiffness: 0), at: t) }
        #expect(s.fault == nil)
        s.observe(SensorFrame(measuredForce: SafetyLimits.forceNoiseFloor + 1, tissueStiffness: 0), at: settled)
        #expect(s.fault == .implausibleReading(.forceWithoutContact(SafetyLimits.forceNoiseFloor + 1)))
    }
}
