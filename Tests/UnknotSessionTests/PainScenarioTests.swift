import Testing
import UnknotCore
import UnknotSession
import UnknotSimulation
import UnknotTesting

/// CARE.md section 1, pain: cut pressure on the spot within one tick (at least one level, no
/// higher than the last comfortable level), mark it tender, say what changed, check in; a
/// second pain at the same spot leaves it for the session. Not optional.
@Suite("Care policy: pain")
struct PainScenarioTests {
    /// Works the plan until the contact is on a shoulder at the focus level, steady for a moment.
    static func atWork(carePlan: CarePlan = CarePlan(), simulatedBody: SimulatedBody? = nil, level minimum: Int = 5)
        throws -> EngineBench
    {
        var bench = try EngineBench.planned(
            "neck-jaw-shoulders", minutes: 30, carePlan: carePlan, simulatedBody: simulatedBody)
        let reached = bench.run(upTo: 900_000) { bench in
            guard let last = bench.setpoints.last, last.contact, let part = last.part, part.region == .shoulders
            else { return false }
            return bench.engine.currentLevel(of: part).value >= minimum && last.normalForce > 25
                && bench.engine.planTime > 5 * 60_000
        }
        #expect(reached)
        return bench
    }

    @Test("\"That hurts\" cuts the force on the very next tick, marks the spot tender, says so and checks in")
    func thatHurts() throws {
        var bench = try Self.atWork()
        let before = bench.setpoints.last!
        let part = before.part!
        let level = bench.engine.currentLevel(of: part)
        let t = bench.engine.now
        bench.take(.thatHurts(rating: nil))
        let next = bench.tick()
        let allowed = PressureScale.force(level.lowered(by: 1), on: part.region, with: before.technique!)
        #expect(next.normalForce <= allowed + 1e-9)
        #expect(next.normalForce < before.normalForce)
        #expect(bench.engine.currentLevel(of: part) <= level.lowered(by: 1))
        let decision = try #require(bench.decisions(since: t).first { $0.trigger == .pain })
        #expect(decision.actions.contains(.cutPressureAtSpot))
        #expect(decision.actions.contains(.markSpotTender))
        #expect(bench.messages(since: t).contains { $0.text.contains("Easing off your \(part.area)") && $0.spoken })
        #expect(bench.checkIns(since: t).contains { $0.kind == .afterPain })
        // Pain is never pushed through: the part stays below the level that hurt from now on.
        bench.run(120_000)
        let hurtForce = PressureScale.force(level, on: part.region, with: .gliding)
        let tooHard = bench.setpoints.suffix(120_000).filter { s in
            s.contact && s.part == part
                && (s.normalForce > PressureScale.force(level.lowered(by: 1), on: part.region, with: s.technique!)
                    + 1e-9
                    || s.normalForce > hurtForce)
        }
        #expect(tooHard.isEmpty)
        let summary = bench.engine.summary()
        #expect(
            summary.suggestions.contains {
                if case .addTenderSpot(let spot) = $0 { spot.area == part.area } else { false }
            })
    }

    @Test("A pain rating well above the limit cuts two levels")
    func severeRating() throws {
        var bench = try Self.atWork()
        let part = bench.setpoints.last!.part!
        let level = bench.engine.currentLevel(of: part)
        bench.take(.thatHurts(rating: 9))
        bench.tick()
        #expect(bench.engine.currentLevel(of: part) <= level.lowered(by: 2))
    }

    @Test("Soon after the level rose, pain goes back to the last comfortable level")
    func lastComfortableLevel() throws {
        var care = CarePlan()
        care.pressure.level = PressureLevel(clamping: 4)
        care.painLimit = PressureLevel(clamping: 8)
        var bench = try Self.atWork(carePlan: care, level: 4)
        let part = bench.setpoints.last!.part!
        // Wait past the minute after the plan's own step up, then press firmer three times.
        bench.run(61_000)
        bench.runUntilContact(on: part, force: 10)
        let start = bench.engine.currentLevel(of: part).value
        for _ in 0..<3 {
            bench.take(.pressureUp)
            bench.run(50)
        }
        #expect(bench.engine.currentLevel(of: part).value == start + 3)
        bench.run(2_000)
        bench.take(.thatHurts(rating: nil))
        bench.tick()
        #expect(bench.engine.currentLevel(of: part).value == start + 2)
        bench.take(.answer(.better))
    }

    @Test("Muscle guarding under the contact is pain, noticed without a word from the client")
    func guarding() throws {
        // A tender spot on the left shoulder that hurts above level 3.
        let model = Fixtures.body
        let patch = model.patch(for: BodyPartID(.shoulders, .left))
        var body = SimulatedBody(model: model)
        body.tender = [
            SimulatedBody.Tender(
                part: BodyPartID(.shoulders, .left), face: patch.face,
                center: patch.point(at: RegionCoordinate(u: 0.5, v: 0.5)),
                radius: 30, thresholdNewtons: PressureScale.force(PressureLevel(clamping: 3), on: .shoulders))
        ]
        var bench = try EngineBench.planned("neck-jaw-shoulders", minutes: 30, simulatedBody: body)
        let noticed = bench.run(upTo: 1_200_000) { event in
            if case .decision(let d) = event { d.trigger == .pain && d.detail.contains("guarding") } else { false }
        }
        #expect(noticed)
        let painAt = bench.events.first { if case .decision(let d) = $0.event { d.trigger == .pain } else { false } }!.t
        // The body began to hurt less than a second before.
        let firstHurt = bench.setpoints.indices.first { i in
            let s = bench.setpoints[i]
            return s.contact && s.part == BodyPartID(.shoulders, .left)
                && s.normalForce > PressureScale.force(PressureLevel(clamping: 3), on: .shoulders) * 1.1
        }
        #expect(firstHurt != nil)
        #expect(painAt - (firstHurt! + 1) < 1_500)
    }

    @Test("A detector's pain is eased at once; \"It's fine\" from the client restores the level and forgets the spot")
    func detectedPainThenClientSaysFine() throws {
        var bench = try Self.atWork()
        let part = bench.setpoints.last!.part!
        let level = bench.engine.currentLevel(of: part)
        bench.take(ReactionEvent(.pain, confidence: 0.75, evidence: [.sound(.groan)]))
        bench.tick()
        #expect(bench.engine.currentLevel(of: part) < level)
        #expect(bench.checkIns().last?.kind == .afterDetectedPain)
        bench.take(.answer(.itsFine))
        #expect(bench.engine.currentLevel(of: part) == level)
        // The same detector is not acted on there for a minute.
        let t = bench.engine.now
        bench.take(ReactionEvent(.pain, confidence: 0.75, evidence: [.sound(.groan)]))
        #expect(bench.engine.currentLevel(of: part) == level)
        #expect(bench.events(since: t).contains { if case .reaction(_, false, _) = $0.event { true } else { false } })
        bench.run(600_000)
        #expect(!bench.engine.summary().suggestions.contains { if case .addTenderSpot = $0 { true } else { false } })
    }

    @Test(
        "Guarding, a groan and \"that hurts\" within moments are one pain; pain after lowering it further is new pain")
    func oneEpisode() throws {
        var bench = try Self.atWork()
        let part = bench.setpoints.last!.part!
        let level = bench.engine.currentLevel(of: part)
        bench.take(ReactionEvent(.pain, confidence: 0.8, evidence: [.sound(.groan)]))
        let eased = bench.engine.currentLevel(of: part)
        #expect(eased < level)
        bench.run(800)
        let t = bench.engine.now
        bench.take(.thatHurts(rating: nil))
        #expect(bench.engine.currentLevel(of: part) == eased)
        #expect(bench.decisions(since: t).contains { $0.trigger == .pain && $0.actions.isEmpty })
        // The client's own word replaces the detector's question: "it's fine" is no longer offered.
        #expect(bench.engine.openCheckIn?.kind == .afterPain)
        bench.take(.pressureDown)
        bench.run(300)
        bench.take(.thatHurts(rating: nil))
        #expect(bench.engine.currentLevel(of: part) <= eased.lowered(by: 2))
    }

    @Test("A detector below its confidence threshold changes nothing")
    func lowConfidencePain() throws {
        var bench = try Self.atWork()
        let part = bench.setpoints.last!.part!
        let level = bench.engine.currentLevel(of: part)
        bench.take(ReactionEvent(.pain, confidence: 0.3))
        bench.tick()
        #expect(bench.engine.currentLevel(of: part) == level)
        #expect(!bench.decisions().contains { $0.trigger == .pain })
    }

    @Test("Pain again at the same spot: the spot is left alone for the rest of the session")
    func secondPainLeavesTheSpot() throws {
        var bench = try Self.atWork()
        let part = bench.setpoints.last!.part!
        let spot = bench.setpoints.last!.position
        bench.take(.thatHurts(rating: nil))
        bench.take(.answer(.better))
        bench.run(5_000)
        // Wait until the contact comes back to the spot.
        let back = bench.runUntilBack(at: spot, on: part, within: 2, limit: 1_200_000)
        #expect(back)
        let t = bench.engine.now
        bench.take(.thatHurts(rating: nil))
        let next = bench.tick()
        #expect(
            bench.decisions(since: t).contains {
                $0.trigger == .painAgainAtSpot && $0.actions.contains(.leaveSpotForSession)
            })
        #expect(!next.contact || next.position.distance(to: spot) >= 4)
        #expect(bench.messages(since: t).contains { $0.text.contains("leave it alone") })
        // No contact reaches the spot again.
        let from = bench.setpoints.count
        bench.run(upTo: 2_000_000) { $0.engine.isFinished }
        let touching = bench.contacts(reaching: spot, radius: 4, from: from)
        #expect(touching.isEmpty)
        #expect(bench.engine.isFinished)
    }

    @Test("Pain at level 1, where nothing is lighter, leaves the spot on the next tick and says so truly")
    func painAtTheLightestLevel() throws {
        var care = CarePlan()
        care.pressure.level = PressureLevel(clamping: 1)
        var bench = try EngineBench.planned("neck-jaw-shoulders", minutes: 30, carePlan: care)
        let reached = bench.run(upTo: 900_000) { bench in
            guard let last = bench.setpoints.last, last.contact, let part = last.part, part.region == .shoulders
            else { return false }
            return bench.engine.currentLevel(of: part).value == 1 && last.normalForce > 4
                && bench.engine.planTime > 5 * 60_000
        }
        #expect(reached)
        let before = bench.setpoints.last!
        let t = bench.engine.now
        bench.take(.thatHurts(rating: nil))
        let next = bench.tick()
        #expect(next.normalForce < before.normalForce)
        #expect(!next.contact || next.position.distance(to: before.position) >= 4)
        #expect(
            bench.decisions(since: t).contains {
                $0.trigger == .painAgainAtSpot && $0.actions.contains(.leaveSpotForSession)
            })
        #expect(bench.messages(since: t).contains { $0.text.contains("already the lightest") })
        #expect(!bench.messages(since: t).contains { $0.text.contains("down to level 1") })
    }

    @Test("Staff hear of pain that persists only if the client allowed it")
    func staffAlertOnlyWithConsent() throws {
        for allowed in [false, true] {
            var care = CarePlan()
            care.staffMayBeAlerted = allowed
            var bench = try Self.atWork(carePlan: care)
            bench.take(.thatHurts(rating: 9))
            let alerts = bench.events.filter {
                if case .alert(let a) = $0.event { a.kind == .persistentPain } else { false }
            }
            #expect(alerts.count == (allowed ? 1 : 0))
        }
    }
}
