import Testing
import UnknotCore
import UnknotSession
import UnknotSimulation
import UnknotTesting

/// The safety supervisor: between every setpoint and the robot, whatever anyone asks.
@Suite("Safety supervisor")
struct SafetyScenarioTests {
    @Test("No sensor frame for 50 ms: lifted off and faulted; the client resumes once frames flow again")
    func dropout() throws {
        var bench = try PainScenarioTests.atWork()
        bench.withholdFrames = true
        let start = bench.setpoints.count
        bench.run(60)
        let lifted = try #require(bench.setpoints[start...].firstIndex { !$0.contact && $0.normalForce == 0 })
        #expect(lifted - start < 50)
        #expect(bench.engine.state == .faulted)
        #expect(bench.events.contains { if case .fault(.sensorDropout) = $0.event { true } else { false } })
        #expect(bench.events.contains { if case .alert(let a) = $0.event { a.kind == .stationFault } else { false } })
        bench.take(.resume)
        #expect(bench.engine.state == .faulted)
        bench.withholdFrames = false
        bench.run(10)
        bench.take(.resume)
        #expect(bench.engine.state == .working)
    }

    @Test("A robot fault lifts off on the next tick")
    func robotFault() throws {
        var bench = try PainScenarioTests.atWork()
        bench.robot.faults.append((bench.engine.now + 1, 42))
        bench.tick()
        let next = bench.tick()
        #expect(!next.contact && next.normalForce == 0)
        #expect(bench.engine.supervisor.fault == .robotFault(code: 42))
    }

    @Test("Measured force above the ceiling is a fault")
    func forceAboveCeiling() throws {
        var bench = try PainScenarioTests.atWork()
        bench.engine.take(SensorFrame(measuredForce: 400, tissueStiffness: 9))
        let next = bench.tick()
        #expect(!next.contact)
        if case .forceAboveCeiling = bench.engine.supervisor.fault {} else { Issue.record("expected a force fault") }
    }

    @Test("The e-stop holds until staff release it")
    func emergencyStop() throws {
        var bench = try PainScenarioTests.atWork()
        bench.engine.emergencyStop()
        #expect(!bench.tick().contact)
        bench.take(.resume)
        bench.run(1_000)
        #expect(bench.engine.state == .faulted)
        #expect(bench.setpoints.suffix(1_000).allSatisfy { !$0.contact })
        bench.engine.releaseEmergencyStop()
        bench.take(.resume)
        #expect(bench.engine.state == .working)
    }

    static func supervisor(_ care: CarePlan = CarePlan(), at point: SurfacePoint, face: BodyFace = .posterior)
        -> SafetySupervisor
    {
        SafetySupervisor(carePlan: care, screening: ScreeningOutcome(), body: Fixtures.body, lyingOn: face, at: point)
    }

    static func contact(
        _ part: BodyPartID?, _ point: SurfacePoint, _ technique: Technique, _ force: Double,
        face: BodyFace = .posterior
    ) -> Setpoint {
        Setpoint(
            contact: true, position: point, face: face, part: part, technique: technique, normalForce: force, speed: 3)
    }

    /// A fresh supervisor with its arm lifted over `point`, asked for contact there at t = 1.
    static func firstContact(
        _ care: CarePlan = CarePlan(), _ part: BodyPartID?, _ point: SurfacePoint, _ technique: Technique,
        _ force: Double = 1, face: BodyFace = .posterior
    ) -> Setpoint {
        var s = supervisor(care, at: point, face: face)
        s.observe(SensorFrame(measuredForce: 0, tissueStiffness: 0), at: 1)
        return s.filter(contact(part, point, technique, force, face: face), at: 1)
    }

    @Test("Force is clamped to the client's level, the pain limit and the ISO ceiling; rises are limited")
    func clampsAndRises() {
        let part = BodyPartID(.upperBack, .left)
        let point = Fixtures.body.patch(for: part).center
        var s = Self.supervisor(at: point)
        var force = 0.0
        for t in 1...10_000 {
            s.observe(SensorFrame(measuredForce: force, tissueStiffness: 8), at: t)
            let out = s.filter(Self.contact(part, point, .gliding, 500), at: t)
            #expect(out.normalForce - force <= SafetySupervisor.risePerTick + 1e-12)
            force = out.normalForce
        }
        #expect(abs(force - PressureScale.force(PressureLevel(clamping: 5), on: .upperBack, with: .gliding)) < 1e-9)
        // A fall is never held back.
        let down = s.filter(Self.contact(part, point, .gliding, 1), at: 10_001)
        #expect(down.normalForce == 1)
    }

    @Test("Contact reaching an avoided area, the spine or a spot left alone is lifted")
    func forbiddenAreas() {
        var care = CarePlan()
        care.avoidAreas = [BodyArea(.shoulders, side: .left)]
        let avoided = Fixtures.body.patch(for: BodyPartID(.shoulders, .left)).center
        #expect(!Self.firstContact(care, BodyPartID(.shoulders, .left), avoided, .gliding, 10).contact)
        let spine = SurfacePoint(x: 0, y: Fixtures.body.patch(for: BodyPartID(.midBack, .left)).center.y)
        #expect(!Self.firstContact(care, BodyPartID(.midBack, .left), spine, .gliding, 10).contact)
        let ok = Fixtures.body.patch(for: BodyPartID(.lowerBack, .right)).center
        var s = Self.supervisor(care, at: ok)
        s.observe(SensorFrame(measuredForce: 0, tissueStiffness: 0), at: 1)
        #expect(s.filter(Self.contact(BodyPartID(.lowerBack, .right), ok, .broadStillPressure, 1), at: 1).contact)
        s.forbid(spotAt: ok, radius: 4, on: .posterior)
        #expect(!s.filter(Self.contact(BodyPartID(.lowerBack, .right), ok, .broadStillPressure, 1), at: 2).contact)
    }

    @Test("Point pressure in an endangerment zone is lifted; broad light contact there is allowed")
    func zones() throws {
        let zone = try #require(Fixtures.body.zones.first { $0.kind == .poplitealFossa })
        let part = BodyPartID(.hamstrings, zone.side)
        // The zone's top edge lies on the hamstrings: a point of the zone on that part.
        let patch = Fixtures.body.patch(for: part)
        let x = (zone.shape.minX + zone.shape.maxX) / 2
        let inside = try #require(
            (0..<400).lazy.map { SurfacePoint(x: x, y: zone.shape.minY + Double($0) * 0.02) }
                .first { zone.shape.contains($0) && patch.contains($0) })
        // The inner thigh is a sensitive area: consented here, so the broad disk may reach it.
        var care = CarePlan()
        care.sensitiveAreasOptedIn = [.innerThigh]
        #expect(!Self.firstContact(care, part, inside, .triggerPointHold, face: zone.face).contact)
        #expect(Self.firstContact(care, part, inside, .broadStillPressure, face: zone.face).contact)
    }
}
