import Testing
import UnknotCore
import UnknotSession
import UnknotTesting

/// Every message states the true cause: the limit that really holds, the level really felt.
@Suite("Messages say what is true")
struct MessageTruthTests {
    /// The level of the latest telemetry sample in contact.
    static func feltLevel(_ bench: EngineBench) -> Int? {
        for timed in bench.events.reversed() {
            if case .telemetry(let sample) = timed.event, sample.contact { return sample.level }
        }
        return nil
    }

    /// A bench in warm-up contact on a part whose own level is above the warm-up's.
    static func inWarmUp() throws -> EngineBench {
        var bench = try EngineBench.planned("neck-jaw-shoulders", minutes: 30)
        let warmUpEnd = try #require(bench.engine.plan.phases.first).endMilliseconds
        let reached = bench.run(upTo: 600_000) { bench in
            guard let s = bench.setpoints.last, s.contact, let part = s.part, s.normalForce > 5,
                bench.engine.planTime < warmUpEnd, let felt = feltLevel(bench)
            else { return false }
            return bench.engine.currentLevel(of: part).value > felt
        }
        #expect(reached)
        return bench
    }

    @Test("Firmer at the screening's cap names the screening, not the pain limit")
    func screeningCap() throws {
        var care = CarePlan()
        care.health.bloodThinners = true
        var bench = try EngineBench.planned("neck-jaw-shoulders", minutes: 30, carePlan: care)
        let reached = bench.run(upTo: 900_000) { $0.setpoints.last?.contact == true && $0.engine.planTime > 240_000 }
        #expect(reached)
        for _ in 0..<3 { bench.take(.pressureUp) }
        let said = try #require(bench.messages().last?.text)
        #expect(said.contains("health answers") && said.contains("blood thinners"), "\(said)")
        #expect(!said.contains("pain limit"), "\(said)")
    }

    @Test(
        "Pain in the warm-up: the level change and the decision both start from the level felt; no area-wide suggestion"
    )
    func warmUpPain() throws {
        var bench = try Self.inWarmUp()
        let felt = try #require(Self.feltLevel(bench))
        let from = bench.events.count
        bench.take(.thatHurts(rating: nil))
        let changes = bench.events[from...].compactMap { timed -> Int? in
            if case .levelChanged(_, let before, _) = timed.event { return before }
            return nil
        }
        #expect(changes == [felt], "level changes from \(changes), felt \(felt)")
        let decision = try #require(bench.decisions(since: bench.events[from].t).first { $0.trigger == .pain })
        #expect(decision.detail.contains("level \(felt) →"), "\(decision.detail)")
        bench.take(.end)
        bench.run(upTo: 60_000) { $0.engine.isFinished }
        let suggestions = bench.engine.summary().suggestions
        #expect(!suggestions.contains { if case .setPressure = $0 { true } else { false } }, "\(suggestions)")
        #expect(suggestions.contains { if case .addTenderSpot = $0 { true } else { false } })
    }

    @Test("The tears note gives the level felt, not the part's or the phase's")
    func tearsNote() throws {
        var bench = try Self.inWarmUp()
        let felt = try #require(Self.feltLevel(bench))
        bench.take(ReactionEvent(.crying, confidence: 0.9))
        bench.take(.end)
        bench.run(upTo: 60_000) { $0.engine.isFinished }
        let notes = bench.engine.summary().suggestions.compactMap { if case .note(let text) = $0 { text } else { nil } }
        #expect(notes.contains { $0.contains("at level \(felt)") }, "\(notes), felt \(felt)")
    }
}
