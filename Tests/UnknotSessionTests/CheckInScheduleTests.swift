import Testing
import UnknotCore
import UnknotSession
import UnknotTesting

/// Check-ins: 2 to 4 in a relaxation session, more in deep work, none while asleep.
@Suite("Check-ins")
struct CheckInScheduleTests {
    static func checkIns(_ program: String, minutes: Int, level: Int, painLimit: Int = 6, moreOften: Bool = false)
        throws -> Int
    {
        var care = CarePlan()
        care.pressure.level = PressureLevel(clamping: level)
        care.painLimit = PressureLevel(clamping: painLimit)
        if moreOften { care.health.painMedication = true }
        if program == "express" { care.focusAreas = [BodyArea(.shoulders)] }
        var bench = try EngineBench.planned(program, minutes: minutes, carePlan: care)
        var count = 0
        while !bench.engine.isFinished {
            bench.tick()
            if let open = bench.engine.openCheckIn,
                bench.events.contains(where: { if case .checkIn = $0.event { true } else { false } })
            {
                count += 1
                bench.take(.answer(open.kind == .pressure ? .justRight : .better))
            }
            bench.forgetHistory()
        }
        return count
    }

    @Test(
        "A light relaxation session asks two to four times",
        arguments: [("total-back", 30), ("total-back", 60), ("neck-jaw-shoulders", 45), ("express", 15)])
    func relaxation(_ program: String, _ minutes: Int) throws {
        let asked = try Self.checkIns(program, minutes: minutes, level: 3)
        #expect((2...4).contains(asked))
    }

    @Test("Pain medication (pain may be masked) asks every five minutes")
    func moreOften() throws {
        let usual = try Self.checkIns("total-back", minutes: 60, level: 3)
        let often = try Self.checkIns("total-back", minutes: 60, level: 3, moreOften: true)
        #expect(often >= 9)
        #expect(often > usual)
    }

    @Test("Deep work asks more often")
    func deep() throws {
        let relaxed = try Self.checkIns("neck-jaw-shoulders", minutes: 45, level: 3)
        let deep = try Self.checkIns("neck-jaw-shoulders", minutes: 45, level: 7, painLimit: 8)
        #expect(deep > 4)
        #expect(deep > relaxed)
    }
}
