import FluentKit
import Foundation
import UnknotCore

extension Studio {
    /// How long before its start a session's day questions may be answered, in minutes.
    public static let dayQuestionsOpen = 24 * 60

    /// Keeps the answers for the day of a booked session, from 24 hours before its start until
    /// its end: by its client, or by staff asking the client at the station. They stand for
    /// that start only (a booking moved since is asked again) and replace earlier ones.
    /// What the answers mean comes back: a fever or an infection refuses the session, and
    /// the client may then cancel it whatever the cut-off.
    public func answerForToday(_ caller: Caller, booking id: UUID, _ answers: DayAnswers) async throws(StudioError)
        -> DayAnswersView
    {
        let now = self.now
        let stamp = clock.now
        let row = try await bookingRow(caller, id: id)
        guard row.status == BookingStatus.booked.rawValue else {
            throw StudioError(
                .refused, "the booking is \(row.status); the day's questions are asked before a booked session")
        }
        let opens = StudioTime(minutes: row.start - Self.dayQuestionsOpen)
        guard now >= opens else {
            throw StudioError(
                .refused, field: "today",
                "the day's questions open 24 hours before the session, on \(opens.spoken): answer them then")
        }
        guard now.minutes < row.start + row.minutes else {
            throw StudioError(
                .refused, "the session was over at \(StudioTime(minutes: row.start + row.minutes).spoken)")
        }
        try await database.write { db in
            let kept = try await DayAnswersRow.query(on: db).filter(\.$bookingID == id).first()
            let answered = kept ?? DayAnswersRow()
            if kept == nil {
                answered.id = UUID()
                answered.bookingID = id
            }
            answered.start = row.start
            answered.answers = answers
            answered.answeredAt = stamp
            answered.answeredBy = caller.accountID
            try await answered.save(on: db)
        }
        guard let view = try await dayAnswersView(row) else {
            throw StudioError(.conflict, "the booking changed meanwhile; look at it again")
        }
        return view
    }

    /// The client's answers for the day of their booked session, `nil` when not (or not since
    /// it moved) answered. Only the client reads them: staff never see a client's health answers.
    public func dayAnswers(_ caller: Caller, booking id: UUID) async throws(StudioError) -> DayAnswersView? {
        let row = try await bookingRow(caller, id: id)
        guard row.accountID == caller.accountID else {
            throw StudioError(.forbidden, "a client's health answers are theirs alone; ask them at the station")
        }
        return try await dayAnswersView(row)
    }

    /// Whether the day's questions were answered for the booking's current start (what staff
    /// may know: that, not the answers).
    public func dayQuestionsAnswered(_ caller: Caller, booking id: UUID) async throws(StudioError) -> Bool {
        try await dayAnswersRow(try await bookingRow(caller, id: id)) != nil
    }

    /// Every answer to the day's questions kept with the caller's bookings, oldest first (their
    /// data export: one row a session, so a client's whole history is small).
    public func myDayAnswers(_ caller: Caller) async throws(StudioError) -> [(
        booking: UUID, answers: DayAnswers, answeredAt: Date, byStaff: Bool
    )] {
        let id = caller.accountID
        return try await database.read { db in
            let bookings = try await BookingRow.query(on: db).filter(\.$accountID == id).all(\.$id)
            guard !bookings.isEmpty else { return [] }
            return try await DayAnswersRow.query(on: db).filter(\.$bookingID ~~ bookings).sort(\.$answeredAt).all()
                .map { ($0.bookingID, $0.answers, $0.answeredAt, $0.answeredBy != id) }
        }
    }

    /// Which of `bookings` have the day's questions answered for their current start (staff:
    /// that, never what), in one query for a day's list.
    public func dayQuestionsAnswered(_ caller: Caller, bookings: [BookingView]) async throws(StudioError) -> Set<UUID> {
        try caller.requireStaff()
        let ids = bookings.map(\.id)
        guard !ids.isEmpty else { return [] }
        let starts = Dictionary(bookings.map { ($0.id, $0.start.minutes) }) { first, _ in first }
        let rows = try await database.read { db in
            try await DayAnswersRow.query(on: db).filter(\.$bookingID ~~ ids).all()
        }
        return Set(rows.filter { starts[$0.bookingID] == $0.start }.map(\.bookingID))
    }

    /// The answers kept for the booking's current start.
    func dayAnswersRow(_ booking: BookingRow, on db: (any Database)? = nil) async throws(StudioError)
        -> DayAnswersRow?
    {
        guard let id = booking.id else { return nil }
        let start = booking.start
        return try await database.read { base in
            try await DayAnswersRow.query(on: db ?? base).filter(\.$bookingID == id).filter(\.$start == start).first()
        }
    }

    func dayAnswersView(_ booking: BookingRow) async throws(StudioError) -> DayAnswersView? {
        guard let id = booking.id, let row = try await dayAnswersRow(booking) else { return nil }
        let plan = try await currentCarePlan(account: booking.accountID)?.plan ?? CarePlan()
        let screening = ContraindicationScreening.screen(
            row.answers.applied(to: plan.health), program: catalog.program(id: booking.programID),
            on: CalendarDate(dayNumber: booking.start / 1_440))
        return DayAnswersView(
            bookingID: id, answers: row.answers, answeredAt: row.answeredAt,
            byStaff: row.answeredBy != booking.accountID, screening: screening)
    }

    /// Whether the day's answers for the booking rule its session out (a fever, an infection).
    func dayAnswersRuleOut(_ booking: BookingRow, on db: any Database) async throws(StudioError) -> Bool {
        guard let answers = try await dayAnswersRow(booking, on: db)?.answers else { return false }
        return answers.fever || answers.acuteInfection
    }

    /// A care plan's health with the day's questions left out: they are asked for each session.
    static func withoutDayAnswers(_ plan: CarePlan) -> CarePlan {
        var plan = plan
        plan.health = DayAnswers().applied(to: plan.health)
        return plan
    }
}
