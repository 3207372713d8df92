import FluentKit
import Foundation

/// The live engine's record of a session, as the station sent it, with what was read from it.
final class SessionRecordRow: Model, @unchecked Sendable {
    static let schema = "session_records"

    @ID(key: .id) var id: UUID?
    @Field(key: "booking_id") var bookingID: UUID
    @Field(key: "account_id") var accountID: UUID
    /// The record file, one JSON object per line.
    @Field(key: "record") var record: String
    /// The engine's summary as JSON (`{}` when the record ends without one).
    @Field(key: "summary") var summary: String
    /// The report lines as JSON.
    @Field(key: "report") var report: String
    /// The reactions staff may be alerted to, as JSON `[RecordedAlert]`.
    @Field(key: "alerts") var alerts: String
    @Field(key: "events") var events: Int
    @Field(key: "complete") var complete: Bool
    @Field(key: "received_at") var receivedAt: Date
    /// The client's rating, 1 to 5, once given.
    @OptionalField(key: "feedback_rating") var feedbackRating: Int?
    @OptionalField(key: "feedback_comment") var feedbackComment: String?
    /// The client's decision on each suggestion, as JSON `{"0": "accepted", "1": "dismissed"}`.
    @Field(key: "decisions") var decisions: String
    /// Whether the session ran on a simulated station (true for records kept before this was).
    @Field(key: "simulated") var simulated: Bool
    /// What the session ran on, in plain words ("" for records kept before this was).
    @Field(key: "ran_on") var ranOn: String

    init() {}
}
