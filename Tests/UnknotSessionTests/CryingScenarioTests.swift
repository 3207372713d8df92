import Testing
import UnknotCore
import UnknotSession
import UnknotTesting

/// CARE.md section 1, crying: follow the client's *if I cry* directive; by default keep working
/// gently, one level lighter, check in quietly once, and never end the session on tears alone.
@Suite("Care policy: crying")
struct CryingScenarioTests {
    static let tears = ReactionEvent(.crying, confidence: 0.9, evidence: [.sound(.sobbing)])

    @Test("By default: one level lighter, one quiet check-in, keep going, never end on tears")
    func defaultDirective() throws {
        var bench = try PainScenarioTests.atWork()
        let part = bench.setpoints.last!.part!
        let level = bench.engine.currentLevel(of: part)
        let t = bench.engine.now
        bench.take(Self.tears)
        let next = bench.tick()
        #expect(bench.engine.currentLevel(of: part) == level.lowered(by: 1))
        #expect(
            next.normalForce <= PressureScale.force(
                level.lowered(by: 1), on: part.region, with: next.technique ?? .gliding) + 1e-9)
        let checkIn = try #require(bench.checkIns(since: t).first)
        #expect(checkIn.kind == .crying)
        #expect(checkIn.quiet)
        #expect(checkIn.answers == [.takeBreak, .tissue, .keepGoing])
        #expect(bench.messages(since: t).allSatisfy { $0.quiet })
        #expect(bench.engine.state == .checkingIn)
        // Work goes on gently while the question waits.
        bench.run(2_000)
        #expect(bench.setpoints.suffix(2_000).contains { $0.contact })
        bench.take(.answer(.keepGoing))
        #expect(bench.engine.state == .working)
        // More tears later: no second check-in, no second level down, and the session goes on.
        bench.run(120_000)
        let later = bench.engine.now
        bench.take(Self.tears)
        bench.run(60_000)
        #expect(bench.checkIns(since: later).isEmpty)
        #expect(bench.engine.state == .working || bench.engine.state == .checkingIn)
        let summary = bench.engine.summary()
        #expect(summary.suggestions.contains(.setCryingDirective(.keepGoingQuietly)))
        #expect(
            summary.suggestions.contains {
                if case .note(let text) = $0 { text.contains("Tears came during") } else { false }
            })
        #expect(summary.reassurance.contains("Tears during a massage are normal and common"))
    }

    @Test("Each *if I cry* directive is followed", arguments: CryingDirective.allCases)
    func directive(_ directive: CryingDirective) throws {
        var care = CarePlan()
        care.ifICry = directive
        var bench = try PainScenarioTests.atWork(carePlan: care)
        let part = bench.setpoints.last!.part!
        let level = bench.engine.currentLevel(of: part)
        // Every gliding setpoint so far (which technique the last seconds held depends on the plan).
        let speeds = bench.setpoints.filter { $0.contact && $0.technique == .gliding }.map(\.speed)
        let t = bench.engine.now
        let planTime = bench.engine.planTime
        bench.take(Self.tears)
        let next = bench.tick()
        let checkIns = bench.checkIns(since: t)
        switch directive {
        case .keepGoingQuietly:
            #expect(checkIns.isEmpty)
            #expect(bench.messages(since: t).isEmpty)
            #expect(bench.engine.currentLevel(of: part) == level)
            #expect(bench.engine.state == .working)
        case .pauseAndOfferTissue:
            #expect(bench.engine.state == .pausedByClient)
            #expect(!next.contact && next.normalForce == 0)
            #expect(bench.messages(since: t).contains { $0.text.contains("tissue") })
            // Paused time is not the client's loss, and nothing but the client resumes.
            bench.take(ReactionEvent(.relaxation, confidence: 0.9))
            bench.run(30_000)
            #expect(bench.engine.planTime == planTime)
            #expect(bench.setpoints.suffix(30_000).allSatisfy { !$0.contact })
            bench.take(.resume)
            bench.run(10)
            #expect(bench.engine.planTime > planTime)
        case .checkIn:
            #expect(checkIns.map(\.kind) == [.crying])
            #expect(bench.engine.currentLevel(of: part) == level)
        case .lighterAndSlower:
            #expect(bench.engine.currentLevel(of: part) == level.lowered(by: 1))
            bench.run(60_000)
            let after = bench.setpoints.suffix(60_000).filter { $0.contact && $0.technique == .gliding }.map(\.speed)
            #expect(!after.isEmpty && !speeds.isEmpty)
            #expect(after.max()! <= speeds.max()! * 0.7 + 1e-9)
        case .endSession:
            #expect(bench.engine.state == .ending)
            bench.run(upTo: 10_000) { $0.engine.isFinished }
            #expect(bench.engine.isFinished)
            #expect(bench.engine.summary().endReason.contains("tears"))
        }
        if directive != .endSession {
            bench.run(10_000)
            #expect(bench.engine.state != .ending && bench.engine.state != .finished)
        }
    }

    @Test("Tears with pain: eased as pain, then answered as tears")
    func cryingWithPain() throws {
        var bench = try PainScenarioTests.atWork()
        let part = bench.setpoints.last!.part!
        let level = bench.engine.currentLevel(of: part)
        bench.take(.thatHurts(rating: nil))
        bench.run(2_000)
        let t = bench.engine.now
        bench.take(Self.tears)
        let decisions = bench.decisions(since: t)
        #expect(decisions.first?.trigger == .cryingWithPain)
        #expect(decisions.contains { $0.trigger == .cryingWithoutPain })
        // The pain two seconds ago was already eased: no second cut for it.
        #expect(!decisions.contains { $0.trigger == .pain || $0.trigger == .painAgainAtSpot })
        #expect(bench.engine.currentLevel(of: part) <= level.lowered(by: 1))
        #expect(bench.checkIns(since: t).last?.kind == .crying)
    }
}
