import Testing
import UnknotCore
import UnknotSession
import UnknotTesting

/// The client's controls: pressure, pause, skip, more time, end.
@Suite("Client controls")
struct ControlScenarioTests {
    @Test("Pressure up and down move the part's level by one, within the pain limit")
    func pressure() throws {
        var bench = try PainScenarioTests.atWork()
        let part = bench.setpoints.last!.part!
        let level = bench.engine.currentLevel(of: part)
        bench.take(.pressureDown)
        #expect(bench.engine.currentLevel(of: part) == level.lowered(by: 1))
        #expect(bench.messages().last?.text.contains("Lighter on your \(part.area)") == true)
        bench.take(.pressureUp)
        #expect(bench.engine.currentLevel(of: part) == level)
        // The default pain limit is 6: a second step up is refused with the reason.
        bench.take(.pressureUp)
        bench.take(.pressureUp)
        #expect(bench.engine.currentLevel(of: part).value == 6)
        #expect(bench.messages().last?.text.contains("pain limit") == true)
        // The new level reaches the robot no faster than the rise limit.
        bench.run(5_000)
        let recent = Array(bench.setpoints.suffix(5_001))
        let jumps = zip(recent, recent.dropFirst()).filter { a, b in
            b.contact && b.normalForce - (a.contact ? a.normalForce : 0) > SafetySupervisor.risePerTick + 1e-9
        }
        #expect(jumps.isEmpty)
    }

    @Test("Pause: lifted at once, the plan's clock stops, resume carries on")
    func pause() throws {
        var bench = try PainScenarioTests.atWork()
        let planTime = bench.engine.planTime
        bench.take(.pause)
        let next = bench.tick()
        #expect(!next.contact && next.normalForce == 0)
        bench.run(30_000)
        #expect(bench.engine.planTime == planTime)
        bench.take(.resume)
        bench.run(1_000)
        #expect(bench.engine.planTime == planTime + 1_000)
    }

    @Test("Skip this area: no more contact on it for the session, and it is suggested for avoiding")
    func skipArea() throws {
        var bench = try PainScenarioTests.atWork()
        let part = bench.setpoints.last!.part!
        bench.take(.skipThisArea)
        let next = bench.tick()
        #expect(!(next.contact && next.part == part))
        let from = bench.setpoints.count
        bench.run(upTo: 2_000_000) { $0.engine.isFinished }
        #expect(!bench.setpoints[from...].contains { $0.contact && $0.part == part })
        // The skipped time is filled with work elsewhere, not dead air.
        let contact = bench.setpoints[from...].filter(\.contact).count
        #expect(Double(contact) > 0.5 * Double(bench.setpoints.count - from))
        #expect(bench.engine.summary().suggestions.contains(.avoidArea(part.area)))
    }

    @Test("More time here: the next minute goes to the same part")
    func moreTime() throws {
        var bench = try PainScenarioTests.atWork()
        let part = bench.setpoints.last!.part!
        // Go to 15 s before the plan leaves this part.
        let region = try #require(
            bench.engine.plan.phases.flatMap(\.regions).first {
                $0.part == part && bench.engine.planTime >= $0.startMilliseconds
                    && bench.engine.planTime < $0.startMilliseconds + $0.durationMilliseconds
            })
        let leaving = region.startMilliseconds + region.durationMilliseconds - 15_000
        #expect(bench.run(upTo: 600_000) { $0.engine.planTime >= leaving && $0.setpoints.last!.contact })
        // What the plan alone would give the part over the next minute.
        var plain = bench
        plain.run(60_000)
        let planned = plain.setpoints.suffix(60_000).filter { $0.contact && $0.part == part }.count
        bench.take(.moreTimeHere)
        #expect(bench.messages().last?.text.contains("A minute more on your \(part.area)") == true)
        bench.run(60_000)
        let given = bench.setpoints.suffix(60_000).filter { $0.contact && $0.part == part }.count
        #expect(given > planned + 20_000)
    }

    @Test("End: winds down and finishes; the summary says who ended it")
    func end() throws {
        var bench = try PainScenarioTests.atWork()
        bench.take(.end)
        #expect(bench.engine.state == .ending)
        var previous = bench.setpoints.last!.normalForce
        let finished = bench.run(upTo: 10_000) { bench in
            let s = bench.setpoints.last!
            #expect(s.normalForce <= previous + 1e-9)
            previous = s.normalForce
            return bench.engine.isFinished
        }
        #expect(finished)
        #expect(bench.engine.summary().endReason == "ended by you")
    }

    @Test("An answer with no question open is recorded and ignored")
    func strayAnswer() throws {
        var bench = try PainScenarioTests.atWork()
        let part = bench.setpoints.last!.part!
        let level = bench.engine.currentLevel(of: part)
        bench.take(.answer(.firmer))
        #expect(bench.engine.currentLevel(of: part) == level)
        #expect(bench.decisions().last?.detail.contains("no such question") == true)
    }
}
