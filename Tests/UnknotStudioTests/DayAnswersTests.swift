import Foundation
import PropertyBased
import Testing
import UnknotCore
import UnknotStudio

/// The day's health questions (issue #18): kept with the booking for its start, never in the
/// care plan; a start waits for them; a moved booking is asked again; staff may answer (asking
/// the client) but never read them.
@Suite("The day's health questions")
struct DayAnswersTests {
    @Test("the day's answers replace exactly the day's four questions of any health screening")
    func appliedReplacesTheFour() async {
        await propertyCheck(count: 200, input: Gen.uint64().withoutShrink()) { seed in
            var rng = SeededGenerator(seed: seed)
            func flag() -> Bool { Bool.random(using: &rng) }
            let health = HealthScreening(
                fever: flag(), acuteInfection: flag(), suspectedDeepVeinThrombosis: flag(),
                severeUncontrolledHighBloodPressure: flag(), bloodThinners: flag(), recentBruising: flag(),
                varicoseVeins: flag() ? [BodyArea(.calves)] : [], painMedication: flag(), muscleRelaxants: flag(),
                pregnant: flag())
            let day = DayAnswers(fever: flag(), acuteInfection: flag(), painMedication: flag(), muscleRelaxants: flag())
            let applied = day.applied(to: health)
            #expect(DayAnswers(of: applied) == day)
            #expect(DayAnswers().applied(to: applied) == DayAnswers().applied(to: health), "nothing else changed")
        }
    }

    @Test("a start waits for the answers; a booking moved to another day is asked again; staff answer, never read")
    func movedIsAskedAgain() async throws {
        let clock = SettableClock(Date(timeIntervalSince1970: 1_795_420_800))  // Monday 2026-11-23 08:00 UTC
        var settings = StudioSettings.forTests
        settings.rules.minimumNotice = 0
        try await StudioOnDisk.run("day-answers", settings: settings, clock: clock) { studio in
            try await studio.prepareCatalog()
            let admin = try await studio.createAccount(
                email: "admin@day.example", name: "Admin", password: "long enough pass", role: .admin)
            let staff = Caller(accountID: admin.id, role: .admin, name: "Admin")
            _ = try await studio.createStation(staff, StationChange(name: "Station 1"))
            let account = try await studio.createAccount(
                email: "cleo@day.example", name: "Cleo", password: "long enough pass")
            let cleo = Caller(accountID: account.id, role: .client, name: "Cleo")
            let booked = try await studio.book(
                cleo, program: "total-back", minutes: 30, start: "2026-11-23T09:00", station: 1)
            clock.set(Date(timeIntervalSince1970: 1_795_420_800 + 40 * 60))  // 08:40
            // No answers: the start is refused, naming `today`.
            await #expect { try await studio.startSession(cleo, id: booked.id) } throws: {
                ($0 as? StudioError)?.field == "today"
            }
            // Staff ask the client at the station: kept as staff's, but staff never read them.
            let given = try await studio.answerForToday(staff, booking: booked.id, DayAnswers(painMedication: true))
            #expect(given.byStaff && given.screening.refusals.isEmpty && !given.screening.checkInMoreOften.isEmpty)
            await #expect { try await studio.dayAnswers(staff, booking: booked.id) } throws: {
                ($0 as? StudioError)?.kind == .forbidden
            }
            #expect(try await studio.dayQuestionsAnswered(staff, booking: booked.id))
            // Moved to the next day, the answers no longer hold.
            _ = try await studio.reschedule(staff, id: booked.id, start: "2026-11-24T09:00", station: 1)
            #expect(try await studio.dayAnswers(cleo, booking: booked.id) == nil)
            #expect(try await !studio.dayQuestionsAnswered(staff, booking: booked.id))
            clock.set(Date(timeIntervalSince1970: 1_795_420_800 + 86_400 + 50 * 60))  // Tuesday 08:50
            await #expect { try await studio.startSession(cleo, id: booked.id) } throws: {
                ($0 as? StudioError)?.field == "today"
            }
            _ = try await studio.answerForToday(cleo, booking: booked.id, DayAnswers(muscleRelaxants: true))
            let (started, plan) = try await studio.startSession(cleo, id: booked.id)
            #expect(started.status == .inProgress)
            #expect(
                plan.plan.health.muscleRelaxants && !plan.plan.health.painMedication, "the day's answers, in the plan")
        }
    }
}
