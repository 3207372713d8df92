import Testing
import UnknotCore
import UnknotStudio

/// Booking, cancelling and moving sessions: notice, cut-offs, screening.
@Suite("Booking rules")
struct BookingRulesTests {
    static let monday = CalendarDate(year: 2026, month: 11, day: 23)!
    static let now = StudioTime(monday, 10)
    static func program(_ id: String) throws -> Program {
        try #require((try? ProgramCatalog.bundled())?.program(id: id))
    }

    @Test("Notice and horizon at their edges: 60 minutes ahead is fine, 59 is not; 90 days out is the last")
    func notice() throws {
        let rules = BookingRules()
        let back = try Self.program("total-back")
        let healthy = HealthScreening()
        #expect(
            (try? rules.checkBooking(start: Self.now + 60, now: Self.now, program: back, health: healthy).get()) != nil)
        #expect(
            rules.checkBooking(start: Self.now + 59, now: Self.now, program: back, health: healthy)
                .failure == .tooSoon(minimumNoticeMinutes: 60))
        let last = StudioTime(minutes: (Self.now.day + 90) * 1_440 + 600)
        #expect((try? rules.checkBooking(start: last, now: Self.now, program: back, health: healthy).get()) != nil)
        #expect(
            rules.checkBooking(start: last + 1_440, now: Self.now, program: back, health: healthy).failure
                == .tooFarAhead(maximumDays: 90))
    }

    @Test("Cancel until 24 hours before, move until 12; after that, the reason and what to do")
    func cutOffs() throws {
        let rules = BookingRules()
        let start = StudioTime(Self.monday, 10) + 24 * 60
        #expect((try? rules.checkCancel(start: start, now: Self.now).get()) != nil)
        let late = rules.checkCancel(start: start, now: Self.now + 1)
        #expect(late.failure == .tooLateToCancel(cutOffHours: 24))
        #expect(late.failure.map(String.init(describing:))?.contains("until 24 hours before") == true)
        let back = try Self.program("total-back")
        let moving = rules.checkMove(
            start: start, to: start + 2 * 1_440, now: start + -(12 * 60), program: back, health: HealthScreening())
        #expect((try? moving.get()) != nil)
        #expect(
            rules.checkMove(
                start: start, to: start + 2 * 1_440, now: start + -(12 * 60) + 1, program: back,
                health: HealthScreening()
            )
            .failure == .tooLateToMove(cutOffHours: 12))
        #expect(rules.checkCancel(start: start, now: start).failure == .inThePast)
    }

    @Test("The care plan's screening refuses with its reasons: fever; pregnancy on a face-down program")
    func screening() throws {
        let rules = BookingRules()
        var fever = HealthScreening()
        fever.fever = true
        let refused = rules.checkBooking(
            start: Self.now + 120, now: Self.now, program: try Self.program("total-back"), health: fever)
        guard case .screening(let reasons) = refused.failure else {
            Issue.record("a fever should refuse the booking, got \(refused)")
            return
        }
        #expect(reasons.contains { $0.reason.contains("fever") && $0.field == "health.fever" })
        var pregnant = HealthScreening()
        pregnant.pregnant = true
        let prone = try Self.program("total-back")
        #expect(
            rules.checkBooking(start: Self.now + 120, now: Self.now, program: prone, health: pregnant).failure != nil)
    }

    @Test("Studio times are digits only: signs are refused (issue #17, finding 13)")
    func studioTimeText() {
        #expect(StudioTime(text: "2026-11-24T10:00") != nil)
        for odd in ["2026-11-24T+1:00", "2026-11-24T10:+5", "+026-11-24T10:00", "2026-11-24T 9:00"] {
            #expect(StudioTime(text: odd) == nil, "\(odd)")
        }
    }
}

extension Result {
    /// The error, if any.
    var failure: Failure? {
        if case .failure(let error) = self { error } else { nil }
    }
}
