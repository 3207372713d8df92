import Testing
import UnknotCore
import UnknotSimulation

/// The reaction detector on simulated sessions it was not tuned on (tuning used seeds 1-20).
@Suite("Reaction evaluation")
struct ReactionEvaluationTests {
    @Test("Pain, crying and laughter are found and named right at least 9 times in 10 on unseen seeds")
    func unseenSeeds() throws {
        let evaluation = ReactionEvaluation(
            catalog: try ProgramCatalog.bundled(),
            personas: ["tender-left-trapezius", "cries-wants-tissue", "ticklish-feet", "rumbly-stomach"],
            date: CalendarDate(year: 2026, month: 11, day: 2) ?? CalendarDate.today())
        let scores = try evaluation.run(seeds: [301])
        for kind in [ReactionKind.pain, .crying, .laughter] {
            let score = try #require(scores.first { $0.kind == kind })
            #expect(score.truths > 0, "the sessions should contain \(kind.rawValue)")
            #expect((score.precision ?? 0) >= 0.9, "\(kind.rawValue): \(score.falseAlarms)")
            #expect((score.recall ?? 0) >= 0.9, "\(kind.rawValue): \(score.misses)")
        }
        // The rumbling stomach is heard as digestive noise (and, by the precision above, never as distress).
        let digestive = try #require(scores.first { $0.kind == .digestiveNoise })
        #expect(digestive.truths > 0)
        #expect(Double(digestive.found) >= 0.8 * Double(digestive.truths))
    }
}
