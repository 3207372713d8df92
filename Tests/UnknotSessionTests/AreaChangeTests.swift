import Testing
import UnknotCore
import UnknotSession
import UnknotTesting

/// The station never moves to another area, or rests through time it would have worked, without
/// saying so; "more time here" on a skipped area says so and changes nothing.
@Suite("Area changes are announced")
struct AreaChangeTests {
    static func expressOnTheNeck() throws -> EngineBench {
        try EngineBench.planned("express", minutes: 15, carePlan: CarePlan(focusAreas: [BodyArea(.neck)]))
    }

    @Test("Skip then More time on the skipped area: said so, no replay, and work goes on elsewhere at once")
    func moreTimeAfterSkip() throws {
        var bench = try Self.expressOnTheNeck()
        let reached = bench.runUntilContact()
        #expect(reached)
        let skipped = try #require(bench.setpoints.last?.part)
        bench.take(.skipThisArea)
        bench.run(2_000)
        let asked = bench.events.count
        bench.take(.moreTimeHere)
        let answer = try #require(bench.messages().last?.text)
        #expect(answer.contains("skip") && answer.contains(skipped.area.description), "\(answer)")
        #expect(!bench.decisions().contains { $0.detail.hasPrefix("more time:") })
        // Within the warm-up block of the skipped side, the other side is worked: no 90 s idle.
        let from = bench.setpoints.count
        bench.run(20_000)
        let worked = bench.setpoints[from...].filter(\.contact)
        #expect(worked.count > 10_000, "only \(worked.count) ms of contact in 20 s after the skip")
        #expect(!worked.contains { $0.part == skipped })
        let said = bench.events[asked...].compactMap { event -> String? in
            if case .message(let message) = event.event { return message.text }
            return nil
        }
        let other = try #require(worked.first?.part)
        #expect(said.contains { $0.contains(other.area.description) }, "\(said)")
    }

    @Test("Every change of the area in contact is announced before the arm touches it")
    func everyChangeIsAnnounced() throws {
        var bench = try EngineBench.planned("neck-jaw-shoulders", minutes: 30)
        var lastArea: BodyArea?
        var announced: [String] = []
        var missing: [String] = []
        var seen = 0
        bench.run(upTo: 2_400_000) { bench in
            while seen < bench.events.count {
                if case .message(let message) = bench.events[seen].event { announced.append(message.text) }
                seen += 1
            }
            if let s = bench.setpoints.last, s.contact, let part = s.part, part.area != lastArea {
                lastArea = part.area
                if !announced.suffix(3).contains(where: { $0.contains("your \(part.area)") }) {
                    missing.append("\(SessionRecord.clock(bench.engine.now)) \(part.area)")
                }
            }
            return bench.engine.isFinished
        }
        #expect(missing.isEmpty, "unannounced: \(missing)")
    }
}
