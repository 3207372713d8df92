import Foundation
import PropertyBased
import Testing
import UnknotCore
import UnknotPlanning
import UnknotSession
import UnknotSimulation
import UnknotTesting

/// Safety invariants of the live session over random clients, plans and input streams
/// (controls, reactions, sensor dropouts, robot faults, e-stops). Every setpoint the robot
/// receives is checked against limits the checker works out for itself from the care plan.
///
/// `UNKNOT_PROPERTY_SCALE` multiplies the number of cases (a soak).
@Suite("Live session properties")
struct SessionPropertyTests {
    static let scale = Int(ProcessInfo.processInfo.environment["UNKNOT_PROPERTY_SCALE"] ?? "") ?? 1
    static let catalog = Fixtures.catalog()
    static let window = 30_000

    @Test(
        "No setpoint exceeds a ceiling, level or pain limit, touches what must not be touched, rises too fast, or outlives a dropout"
    )
    func invariants() async {
        await propertyCheck(count: 24 * Self.scale, input: Gen.uint64().withoutShrink()) { seed in
            let violations = Self.run(seed: seed)
            #expect(violations.isEmpty, "seed \(seed): \(violations.prefix(5).joined(separator: "; "))")
        }
    }

    /// Runs one random window of a random session and returns what went wrong.
    static func run(seed: UInt64) -> [String] {
        let client = RandomClient(seed: seed, catalog: catalog)
        let model = BodyModel(client.measurements)
        guard
            let plan = try? SessionPlanner().plan(
                PlanRequest(
                    program: client.program, minutes: client.minutes, carePlan: client.carePlan, body: model,
                    date: client.date))
        else { return [] }
        let care = client.carePlan
        var rng = SeededGenerator(seed: seed ^ 0xABCD)
        var engine = SessionEngine(plan: plan, carePlan: care, body: model)
        var robot = SimulatedRobot(seed: seed)
        var body = SimulatedBody(model: model)
        let start = Int.random(in: 0...max(0, plan.durationMilliseconds - window), using: &rng)
        engine.start(atPlanTime: start)

        // What the checker knows for itself.
        let forbidden = BodyPartID.all.filter { care.whyUntouchable($0, screening: plan.screening) != nil }
            .map { model.patch(for: $0) }
        let spine = model.zones.filter { $0.kind == .spine }
        let zones = model.zones.filter { $0.kind != .spine }
        func hardLevel(_ part: BodyPartID) -> PressureLevel {
            min(care.painLimit, plan.screening.levelCap, part.region.maximumLevel)
        }
        var painCaps: [BodyPartID: PressureLevel] = [:]
        var violations: [String] = []
        var previous = Setpoint.lifted(at: SurfacePoint(x: 0, y: 0), face: .posterior)
        var withheldSince: Int?
        var withheldUntil = -1
        var faultAt: Int?
        var resetAt = -1
        var stoppedAt: Int?
        var releaseAt = -1
        var events: [TimedEvent] = []
        events.reserveCapacity(256)

        for _ in 0..<(engine.configuration.settleMilliseconds + window) {
            let now = engine.now + 1
            // Random inputs.
            let roll = Double.random(in: 0..<1, using: &rng)
            if roll < 1.0 / 1_500 {
                let control: ClientControl
                switch Int.random(in: 0..<10, using: &rng) {
                case 0, 1: control = .pressureUp
                case 2: control = .pressureDown
                case 3: control = .pause
                case 4, 5: control = .resume
                case 6: control = .takeBreak
                case 7:
                    control = .thatHurts(rating: Bool.random(using: &rng) ? Int.random(in: 0...10, using: &rng) : nil)
                case 8: control = [.skipThisArea, .moreTimeHere, .end].randomElement(using: &rng)!
                default: control = .answer(CheckInAnswer.allCases.randomElement(using: &rng)!)
                }
                let before = previous.part.map { engine.currentLevel(of: $0) }
                let seen = engine.events.count
                engine.take(control)
                if case .thatHurts = control, previous.contact, let part = previous.part, let before {
                    // A report moments after a pain already eased is the same pain (no second cut):
                    // then the level it left is the cap. Otherwise the cut is at least one level.
                    let merged = engine.events[seen...].contains {
                        if case .decision(let d) = $0.event { d.trigger == .pain && d.actions.isEmpty } else { false }
                    }
                    let cap = merged ? engine.currentLevel(of: part) : before.lowered(by: 1)
                    painCaps[part] = min(painCaps[part] ?? .maximum, cap)
                }
            } else if roll < 1.0 / 1_500 + 1.0 / 1_200 {
                let kind = ReactionKind.allCases.randomElement(using: &rng)!
                engine.take(ReactionEvent(kind, confidence: Double.random(in: 0...1, using: &rng)))
            } else if roll < 1.0 / 1_500 + 1.0 / 1_200 + 1.0 / 15_000, withheldSince == nil {
                withheldSince = now
                withheldUntil = now + Int.random(in: 5...300, using: &rng)
            } else if roll < 1.0 / 1_500 + 1.0 / 1_200 + 1.0 / 15_000 + 1.0 / 40_000, faultAt == nil {
                robot.faults.append((now, Int.random(in: 1...99, using: &rng)))
                resetAt = now + Int.random(in: 500...5_000, using: &rng)
            } else if roll < 1.0 / 1_500 + 1.0 / 1_200 + 1.0 / 15_000 + 1.0 / 40_000 + 1.0 / 80_000, stoppedAt == nil {
                engine.emergencyStop()
                stoppedAt = now
                releaseAt = now + 2_000
            }
            if now == resetAt { robot.reset() }
            if now == releaseAt { engine.releaseEmergencyStop() }
            if let since = withheldSince, now >= withheldUntil, now - since >= 0 { withheldSince = nil }

            if let frame = robot.step(at: now, body: &body, calm: true) {
                if faultAt == nil, frame.status.isFault { faultAt = now }
                if withheldSince == nil { engine.take(frame) }
            }
            let s = engine.tick()
            robot.apply(s)
            engine.drainEvents(into: &events)
            events.removeAll(keepingCapacity: true)
            if engine.state != .faulted {
                if faultAt != nil, !robot.commanded.contact { faultAt = nil }
                if stoppedAt != nil, releaseAt <= now { stoppedAt = nil }
            }

            func fail(_ what: String) { violations.append("t=\(now): \(what)") }
            if let since = withheldSince, now - since >= SafetySupervisor.watchdogMilliseconds,
                s.contact || s.normalForce > 0
            {
                fail("still in contact \(now - since) ms into a sensor dropout")
            }
            if let at = faultAt, now > at, engine.state == .faulted, s.contact { fail("contact after a robot fault") }
            if stoppedAt != nil, s.contact { fail("contact after the e-stop") }
            if s.contact {
                guard let part = s.part, let technique = s.technique else {
                    fail("contact without a part or technique")
                    continue
                }
                let ceiling = PressureScale.ceiling(on: part.region, with: technique)
                if s.normalForce > ceiling + 1e-9 {
                    fail("\(s.normalForce) N above the \(ceiling) N ceiling on \(part)")
                }
                let limit = PressureScale.force(hardLevel(part), on: part.region, with: technique)
                if s.normalForce > limit + 1e-9 {
                    fail("\(s.normalForce) N above the pain limit's \(limit) N on \(part)")
                }
                let level = PressureScale.force(engine.currentLevel(of: part), on: part.region, with: technique)
                if s.normalForce > level + 1e-9 {
                    fail("\(s.normalForce) N above the client's level (\(level) N) on \(part)")
                }
                if let cap = painCaps[part] {
                    let after = PressureScale.force(cap, on: part.region, with: technique)
                    if s.normalForce > after + 1e-9 {
                        fail("\(s.normalForce) N on \(part) after it hurt (cap \(after) N)")
                    }
                }
                let rise = s.normalForce - (previous.contact ? previous.normalForce : 0)
                if rise > SafetySupervisor.risePerTick + 1e-9 { fail("force rose \(rise) N in one tick on \(part)") }
                let radius = technique.spec.contactWidth / 2 - 1e-6
                for patch in forbidden
                where patch.face == s.face && patch.outline.overlaps(diskAt: s.position, radius: radius) {
                    fail("contact on \(patch.part), which must not be touched")
                }
                for zone in spine where zone.isTouched(at: s.position, on: s.face, radius: radius) {
                    fail("contact on the spine")
                }
                if technique.spec.isPointPressure {
                    for zone in zones where zone.isTouched(at: s.position, on: s.face, radius: radius) {
                        fail("point pressure in the \(zone.kind.displayName)")
                    }
                }
                if s.speed > SafetyLimits.strokeSpeed.upperBound + 1e-9 { fail("stroke speed \(s.speed) cm/s") }
            }
            previous = s
            if violations.count > 20 { break }
        }
        return violations
    }
}
