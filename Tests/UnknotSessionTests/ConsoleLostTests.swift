import Testing
import UnknotCore
import UnknotSession
import UnknotSimulation
import UnknotTesting

/// When the client's console is lost the station pauses: the client can no longer press pause
/// or "that hurts", so nothing may go on touching them.
@Suite("Care policy: a lost console")
struct ConsoleLostTests {
    @Test("A lost console lifts the arm on the next tick and stops the plan's clock; nothing resumes by itself")
    func pausesSafely() throws {
        var bench = try EngineBench.planned("total-back", minutes: 30)
        let touching = bench.runUntilContact(force: 5)
        #expect(touching)
        let t = bench.engine.now
        bench.engine.consoleLost()
        let next = bench.tick()
        #expect(!next.contact && next.normalForce == 0)
        #expect(bench.engine.state == .pausedByClient)
        #expect(bench.messages(since: t).contains { $0.text.contains("lost its connection") })
        #expect(bench.decisions(since: t).contains { $0.detail.hasPrefix("console lost") })
        let planTime = bench.engine.planTime
        bench.engine.consoleBack()
        bench.run(120_000)
        #expect(bench.engine.state == .pausedByClient, "still paused two minutes later")
        #expect(bench.engine.planTime == planTime, "the pause never eats the client's time")
        #expect(bench.setpoints.suffix(120_000).allSatisfy { !$0.contact })
        bench.take(.resume)
        let again = bench.runUntilContact(force: 5)
        #expect(again, "the client's resume carries on")
    }

    @Test("Nothing to pause before the start, on a break or once ended")
    func onlyWhileWorking() throws {
        var bench = try EngineBench.planned("total-back", minutes: 30)
        let touching = bench.runUntilContact(force: 5)
        #expect(touching)
        bench.take(.takeBreak)
        bench.tick()
        bench.engine.consoleLost()
        #expect(bench.engine.state == .onBreak)
        bench.take(.end)
        bench.run(10_000)
        bench.engine.consoleLost()
        #expect(bench.engine.state == .finished)
    }
}
