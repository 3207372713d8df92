import Foundation
import UnknotCore

/// A session record as the server read it from the station's upload.
public struct SessionRecordUpload: Sendable {
    /// The record file, one JSON object per line.
    public var record: String
    /// The engine's summary as JSON, `{}` when the record ends without one.
    public var summaryJSON: String
    /// The report, in sentences.
    public var report: [String]
    /// Reactions with their time from the session start (milliseconds).
    public var reactions: [(milliseconds: Int, reaction: String, confidence: Double?, aboutStation: Bool)]
    public var events: Int
    /// Whether the record ends with the engine's summary.
    public var complete: Bool
    /// Whether the session ran on a simulated arm and body (or on a station that did not say which
    /// arm it had): then nothing it noticed is about the client, and it changes nothing in their
    /// care plan.
    public var simulated: Bool
    /// What the session ran on, in plain words ("a simulated arm and body (seed 7)", "UR5e, serial …").
    public var ranOn: String

    public init(
        record: String, summaryJSON: String, report: [String],
        reactions: [(milliseconds: Int, reaction: String, confidence: Double?, aboutStation: Bool)], events: Int,
        complete: Bool, simulated: Bool, ranOn: String
    ) {
        self.simulated = simulated
        self.ranOn = ranOn
        self.record = record
        self.summaryJSON = summaryJSON
        self.report = report
        self.reactions = reactions
        self.events = events
        self.complete = complete
    }
}

/// A stored session record as it is served back.
public struct SessionRecordView: Sendable, Hashable {
    public var bookingID: UUID
    public var receivedAt: Date
    public var events: Int
    public var complete: Bool
    public var summaryJSON: String
    public var report: [String]
    /// The client's rating (1 to 5) and comment, once given.
    public var feedbackRating: Int?
    public var feedbackComment: String?
    /// What the client decided about each suggestion, by its index in the summary.
    public var decisions: [String: SuggestionDecision]
    /// Whether the session ran on a simulated station (see ``SessionRecordUpload/simulated``).
    public var simulated: Bool
    /// What the session ran on, in plain words.
    public var ranOn: String
}

/// What a client decided about a change a session suggested for their care plan.
public enum SuggestionDecision: String, Sendable, Hashable, Codable {
    case accepted, dismissed
}

/// An alert for staff.
public struct AlertView: Sendable, Hashable {
    public var bookingID: UUID
    public var stationID: Int
    public var clientName: String
    public var at: StudioTime
    public var reaction: String
    public var confidence: Double?
}

extension AlertView {
    /// A recorded reaction as staff read it: "pain noticed", not the engine's `pain`.
    public static func words(_ reaction: String) -> String {
        if let kind = ReactionKind(rawValue: reaction) { return "\(kind.displayName) noticed" }
        return reaction.replacingOccurrences(of: "-", with: " ")
    }
}
