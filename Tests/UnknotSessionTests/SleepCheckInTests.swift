import Testing
import UnknotCore
import UnknotSession
import UnknotTesting

/// A planned check-in due while sleep is likely waits for a clear sign of waking; if sleep is
/// then sure, it is dropped.
@Suite("Check-ins while sleep is likely")
struct SleepCheckInTests {
    static func medicated() throws -> (EngineBench, firstCheckIn: Int) {
        var care = CarePlan()
        care.health.painMedication = true
        let bench = try EngineBench.planned("neck-jaw-shoulders", minutes: 30, carePlan: care)
        var probe = bench
        let asked = probe.run(upTo: 900_000) { !$0.checkIns().isEmpty }
        #expect(asked)
        return (bench, probe.engine.now)
    }

    /// The medicated bench 10 s before its first check-in, just told that sleep is likely.
    static func likelyBeforeDue() throws -> EngineBench {
        var (bench, due) = try medicated()
        bench.run(due - 10_000 - bench.engine.now)
        bench.take(ReactionEvent(.sleep, confidence: 0.5))
        return bench
    }

    static func opened(_ bench: EngineBench, since t: Int) -> [CheckIn] {
        bench.events(since: t).compactMap { if case .checkIn(let c) = $0.event { c } else { nil } }
    }

    @Test("Sleep likely: the due question waits; a control wakes the client and it is asked")
    func waitsThenAsks() throws {
        var bench = try Self.likelyBeforeDue()
        let from = bench.engine.now
        bench.run(70_000)
        #expect(Self.opened(bench, since: from).isEmpty)
        #expect(bench.decisions(since: from).contains { $0.detail.contains("planned check-in waits") })
        bench.take(.pressureDown)
        let woke = bench.engine.now
        bench.run(10)
        #expect(Self.opened(bench, since: woke).contains { $0.kind == .pressure })
    }

    @Test("Sleep likely, then sure: the waiting question is dropped, never asked")
    func dropsWhenAsleep() throws {
        var bench = try Self.likelyBeforeDue()
        bench.run(40_000)
        bench.take(ReactionEvent(.sleep, confidence: 0.85))
        let from = bench.engine.now
        bench.run(200_000)
        #expect(Self.opened(bench, since: from - 40_000).isEmpty)
        #expect(bench.engine.summary().checkInsSkippedWhileAsleep >= 1)
    }

    @Test("Sleep likely but the signs fade: the question is asked once the likelihood lapses")
    func lapses() throws {
        var bench = try Self.likelyBeforeDue()
        let from = bench.engine.now
        bench.run(200_000)
        let asked = bench.events(since: from).first { if case .checkIn = $0.event { true } else { false } }
        let at = try #require(asked?.t)
        #expect(at >= from + 150_000)
    }
}
