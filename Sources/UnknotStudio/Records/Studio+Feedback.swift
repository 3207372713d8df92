import FluentKit
import Foundation
import UnknotCore

extension Studio {
    /// The client's rating (1 to 5) and comment on one of their sessions; given again, it
    /// replaces the last.
    public func leaveFeedback(_ caller: Caller, booking id: UUID, rating: Int, comment: String)
        async throws(StudioError) -> SessionRecordView
    {
        guard (1...5).contains(rating) else {
            throw StudioError(.invalid, field: "rating", "the rating is \(rating); give 1 (poor) to 5 (excellent)")
        }
        let comment = try PlainText.check(
            comment, field: "comment", what: "the comment", most: 4 * Self.longestComment, multiline: true)
        guard comment.count <= Self.longestComment else {
            throw StudioError(
                .invalid, field: "comment",
                "the comment has \(comment.count) characters; keep it to \(Self.longestComment)")
        }
        let row = try await ownRecordRow(caller, booking: id)
        try await database.write(conflict: "the feedback was sent twice at once; send it again") { db in
            row.feedbackRating = rating
            row.feedbackComment = comment.isEmpty ? nil : comment
            try await row.update(on: db)
        }
        return Self.view(row)
    }

    static let longestComment = 2_000

    /// The client accepts or dismisses the change at `index` among the session's suggestions.
    /// Accepting saves a new version of the care plan with the change; nothing changes the
    /// care plan otherwise. Deciding again is refused: the care plan page edits it further. A session
    /// that ran on a simulated station suggests nothing: deciding is refused.
    public func decideSuggestion(
        _ caller: Caller, booking id: UUID, index: Int, _ decision: SuggestionDecision,
        applying apply: @Sendable (CarePlan) -> CarePlan?
    ) async throws(StudioError) -> (SessionRecordView, CarePlanVersion?) {
        let row = try await ownRecordRow(caller, booking: id)
        if row.simulated {
            let on = row.ranOn.isEmpty ? "a simulated station" : row.ranOn
            throw StudioError(
                .refused,
                "this session ran on \(on): what a simulated body showed is not about you, so it changes nothing in your care plan"
            )
        }
        var decisions = Self.decode([String: SuggestionDecision].self, row.decisions) ?? [:]
        if let already = decisions[String(index)] {
            throw StudioError(
                .conflict, "this suggestion was already \(already.rawValue); change your care plan instead")
        }
        var saved: CarePlanVersion?
        if decision == .accepted {
            let current = try await currentCarePlan(caller)?.plan ?? CarePlan()
            guard let changed = apply(current) else {
                throw StudioError(.notFound, "the session has no suggestion \(index)")
            }
            saved = try await saveCarePlan(caller, plan: changed)
        }
        decisions[String(index)] = decision
        row.decisions = Self.json(decisions)
        try await database.write(conflict: "the decision was sent twice at once; look at the report again") { db in
            try await row.update(on: db)
        }
        return (Self.view(row), saved)
    }

    /// The caller's own record of a session (a client's, never staff's on their behalf).
    func ownRecordRow(_ caller: Caller, booking id: UUID) async throws(StudioError) -> SessionRecordRow {
        let booking = try await bookingRow(caller, id: id)
        guard booking.accountID == caller.accountID else {
            throw .forbidden("only the client of a session gives its feedback and decides its suggestions")
        }
        let row = try await database.read { db in
            try await SessionRecordRow.query(on: db).filter(\.$bookingID == id).first()
        }
        guard let row else { throw .notFound("there is no record of this session yet") }
        return row
    }
}
