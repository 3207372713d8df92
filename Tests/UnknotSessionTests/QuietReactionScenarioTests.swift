import Testing
import UnknotCore
import UnknotSession
import UnknotTesting

/// CARE.md section 1: laughter and ticklish skin, the break request, digestive noises, sighs and
/// sleep, relaxation, and the emotional wave after the session.
@Suite("Care policy: laughter, breaks, quiet reactions")
struct QuietReactionScenarioTests {
    @Test("First laughter: firmer, slower, broad contact on that part, not lighter")
    func firstLaughter() throws {
        var bench = try PainScenarioTests.atWork()
        let part = bench.setpoints.last!.part!
        let level = bench.engine.currentLevel(of: part)
        let t = bench.engine.now
        bench.take(ReactionEvent(.laughter, confidence: 0.9))
        #expect(bench.engine.currentLevel(of: part) == PressureLevel(clamping: level.value + 1))
        #expect(
            bench.decisions(since: t).contains { $0.trigger == .laughter && $0.actions.contains(.firmerSlowerBroad) })
        #expect(bench.messages(since: t).contains { $0.text.contains("Ticklish there?") })
        bench.run(180_000)
        let later = bench.setpoints.suffix(180_000).filter { $0.contact && $0.part == part }
        #expect(!later.isEmpty)
        let broad = later.filter { $0.technique!.spec.contactWidth >= SafetyLimits.broadContactWidth }
        #expect(Double(broad.count) >= 0.9 * Double(later.count))
    }

    @Test("Laughter again at the same spot: broad still pressure there, and the spot is remembered as ticklish")
    func laughterAgain() throws {
        var bench = try PainScenarioTests.atWork()
        let part = bench.setpoints.last!.part!
        bench.take(ReactionEvent(.laughter, confidence: 0.9))
        let spot = bench.setpoints.last!.position
        bench.run(4_000)
        let back = bench.runUntilBack(at: spot, on: part, within: 4.5, limit: 900_000)
        #expect(back)
        let t = bench.engine.now
        bench.take(ReactionEvent(.laughter, confidence: 0.9))
        #expect(bench.decisions(since: t).contains { $0.trigger == .laughterAgainAtSpot })
        bench.run(2_000)
        let holding = bench.setpoints.suffix(1_000).filter(\.contact)
        #expect(!holding.isEmpty)
        #expect(holding.allSatisfy { $0.technique == .broadStillPressure && $0.speed == 0 })
        #expect(
            bench.engine.summary().suggestions.contains {
                if case .addTicklishSpot(let s) = $0 { s.area == part.area } else { false }
            })
    }

    @Test("A client who skips ticklish spots: the spot is left for the session")
    func skipTicklish() throws {
        var care = CarePlan()
        care.skipTicklishSpots = true
        var bench = try PainScenarioTests.atWork(carePlan: care)
        let part = bench.setpoints.last!.part!
        bench.take(ReactionEvent(.laughter, confidence: 0.9))
        let spot = bench.setpoints.last!.position
        bench.run(4_000)
        let back = bench.runUntilBack(at: spot, on: part, within: 4.5, limit: 1_500_000)
        #expect(back)
        let t = bench.engine.now
        bench.take(ReactionEvent(.laughter, confidence: 0.9))
        #expect(
            bench.decisions(since: t).contains { $0.trigger == .laughterAgainAtSpot && $0.actions.contains(.skipSpot) })
        let from = bench.setpoints.count
        bench.run(300_000)
        let touching = bench.contacts(reaching: spot, radius: 4, from: from)
        #expect(touching.isEmpty)
    }

    @Test("A break: lifted on the next tick, water offered, resumed only on the client's word, no time lost")
    func breakRequest() throws {
        var bench = try PainScenarioTests.atWork()
        let t = bench.engine.now
        let planTime = bench.engine.planTime
        bench.take(.takeBreak)
        let next = bench.tick()
        #expect(!next.contact && next.normalForce == 0)
        #expect(bench.engine.state == .onBreak)
        let decision = try #require(bench.decisions(since: t).first { $0.trigger == .breakRequest })
        #expect(decision.actions.contains(.dimLights) && decision.actions.contains(.offerWater))
        #expect(bench.messages(since: t).contains { $0.text.contains("water") })
        // No reason is asked: no question on the console.
        #expect(bench.checkIns(since: t).isEmpty)
        // Detectors do not end a break.
        bench.take(ReactionEvent(.relaxation, confidence: 0.95))
        bench.take(ReactionEvent(.sleep, confidence: 0.95))
        bench.run(120_000)
        #expect(bench.engine.state == .onBreak)
        #expect(bench.engine.planTime == planTime)
        #expect(bench.setpoints.suffix(120_000).allSatisfy { !$0.contact && $0.normalForce == 0 })
        bench.take(.resume)
        bench.run(upTo: 2_000_000) { $0.engine.isFinished }
        let summary = bench.engine.summary()
        #expect(summary.workedMilliseconds == bench.engine.plan.durationMilliseconds)
        #expect(summary.pausedMilliseconds >= 120_000)
    }

    @Test("Digestive noise: nothing at all, and never on a staff view")
    func digestiveNoise() throws {
        var care = CarePlan()
        care.staffMayBeAlerted = true
        var bench = try PainScenarioTests.atWork(carePlan: care)
        let part = bench.setpoints.last!.part!
        let level = bench.engine.currentLevel(of: part)
        let t = bench.engine.now
        bench.take(ReactionEvent(.digestiveNoise, confidence: 0.9, evidence: [.sound(.stomachRumble)]))
        bench.run(1_000)
        #expect(bench.engine.currentLevel(of: part) == level)
        #expect(bench.messages(since: t).isEmpty)
        #expect(bench.checkIns(since: t).isEmpty)
        let events = bench.events(since: t).filter {
            switch $0.event {
            case .reaction, .decision, .alert: true
            default: false
            }
        }
        #expect(!events.isEmpty)
        for event in events { #expect(!event.event.isVisibleToStaff(staffMayBeAlerted: true)) }
        #expect(bench.decisions(since: t).first?.actions.contains(.keepPrivate) == true)
    }

    @Test("Asleep: no check-ins and nothing spoken; a control wakes the prompts")
    func sleep() throws {
        var care = CarePlan()
        care.voicePrompts = .on
        var bench = try EngineBench.planned("neck-jaw-shoulders", minutes: 30, carePlan: care)
        bench.run(90_000)
        bench.take(ReactionEvent(.sleep, confidence: 0.9))
        #expect(bench.decisions().contains { $0.trigger == .sleep && $0.actions.contains(.holdPrompts) })
        bench.run(20 * 60_000)
        let t = bench.engine.now
        #expect(bench.checkIns().isEmpty)
        #expect(bench.decisions().contains { $0.detail.contains("skipped: you were asleep") })
        #expect(bench.messages(since: 90_000).allSatisfy { !$0.spoken })
        bench.take(.pressureDown)
        #expect(bench.messages(since: t).contains { $0.spoken })
    }

    @Test("A detector's sleep is ignored right after the client pressed a control")
    func sleepIgnoredAfterControl() throws {
        var bench = try PainScenarioTests.atWork()
        bench.take(.pressureDown)
        bench.run(10_000)
        let t = bench.engine.now
        bench.take(ReactionEvent(.sleep, confidence: 0.95))
        #expect(
            bench.events(since: t).contains {
                if case .reaction(_, false, let note) = $0.event { note?.contains("control") == true } else { false }
            })
        #expect(!bench.decisions(since: t).contains { $0.trigger == .sleep })
    }

    @Test("Sighs and relaxation: keep going; the report shows relaxation and reassures about emotions")
    func relaxation() throws {
        var bench = try PainScenarioTests.atWork()
        let part = bench.setpoints.last!.part!
        let level = bench.engine.currentLevel(of: part)
        let t = bench.engine.now
        bench.take(ReactionEvent(.sigh, confidence: 0.8))
        bench.take(ReactionEvent(.relaxation, confidence: 0.8))
        bench.run(1_000)
        #expect(bench.engine.currentLevel(of: part) == level)
        #expect(bench.messages(since: t).isEmpty)
        #expect(bench.checkIns(since: t).isEmpty)
        bench.run(upTo: 2_000_000) { $0.engine.isFinished }
        let summary = bench.engine.summary()
        #expect(summary.reactions[.relaxation] == 1)
        #expect(summary.reactions[.sigh] == 1)
        #expect(summary.reassurance.contains("normal and common"))
        #expect(summary.reassurance.contains("feel better after"))
    }
}
