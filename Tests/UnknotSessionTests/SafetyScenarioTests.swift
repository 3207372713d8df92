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

    static func supervisor(_ care: CarePlan = CarePlan(), at now: Int = 0) -> SafetySupervisor {
        SafetySupervisor(carePlan: care, screening: ScreeningOutcome(), body: Fixtures.body, startingAt: now)
    }

    static func contact(_ part: BodyPartID, _ point: SurfacePoint, _ technique: Technique, _ force: Double) -> Setpoint
    {
        Setpoint(
            contact: true, position: point, face: .posterior, part: part, technique: technique, normalForce: force,
            speed: 3)
    }

    @Test("Force is clamped to the client's level, the pain limit and the ISO ceiling; rises are limited")
    func clampsAndRises() {
        var s = Self.supervisor()
        let part = BodyPartID(.upperBack, .left)
        let point = Fixtures.body.patch(for: part).center
        var force = 0.0
        for t in 1...10_000 {
            s.observe(
                SensorFrame(measuredForce: force, tissueStiffness: 8), at: t,
                touching: Self.contact(part, point, .gliding, force))
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
        var s = Self.supervisor(care)
        let avoided = Fixtures.body.patch(for: BodyPartID(.shoulders, .left)).center
        s.observe(
            SensorFrame(measuredForce: 0, tissueStiffness: 0), at: 1, touching: .lifted(at: avoided, face: .posterior))
        #expect(!s.filter(Self.contact(BodyPartID(.shoulders, .left), avoided, .gliding, 10), at: 1).contact)
        let spine = SurfacePoint(x: 0, y: Fixtures.body.patch(for: BodyPartID(.midBack, .left)).center.y)
        #expect(!s.filter(Self.contact(BodyPartID(.midBack, .left), spine, .gliding, 10), at: 2).contact)
        let ok = Fixtures.body.patch(for: BodyPartID(.lowerBack, .right)).center
        #expect(s.filter(Self.contact(BodyPartID(.lowerBack, .right), ok, .broadStillPressure, 1), at: 3).contact)
        s.forbid(spotAt: ok, radius: 4, on: .posterior)
        #expect(!s.filter(Self.contact(BodyPartID(.lowerBack, .right), ok, .broadStillPressure, 1), at: 4).contact)
    }

    @Test("Point pressure in an endangerment zone is lifted; broad light contact there is allowed")
    func zones() throws {
        var s = Self.supervisor()
        let zone = try #require(Fixtures.body.zones.first { $0.kind == .poplitealFossa })
        let inside = zone.shape.vertices.reduce(SurfacePoint(x: 0, y: 0)) {
            SurfacePoint(
                x: $0.x + $1.x / Double(zone.shape.vertices.count), y: $0.y + $1.y / Double(zone.shape.vertices.count))
        }
        let part = BodyPartID(.hamstrings, zone.side)
        s.observe(
            SensorFrame(measuredForce: 0, tissueStiffness: 0), at: 1, touching: .lifted(at: inside, face: .posterior))
        var point = Self.contact(part, inside, .triggerPointHold, 1)
        point.face = zone.face
        #expect(!s.filter(point, at: 1).contact)
        var broad = Self.contact(part, inside, .broadStillPressure, 1)
        broad.face = zone.face
        #expect(s.filter(broad, at: 2).contact)
    }
}
