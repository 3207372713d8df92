import Foundation
import UnknotCore

/// A booking's answers for the day of its session, and what they mean for it.
public struct DayAnswersView: Sendable, Hashable {
    public var bookingID: UUID
    public var answers: DayAnswers
    public var answeredAt: Date
    /// Whether staff gave them, asking the client at the station.
    public var byStaff: Bool
    /// The client's health screened with these answers for this session: a fever or an
    /// infection refuses it; pain medication or muscle relaxants make the station check in more.
    public var screening: ScreeningOutcome
}
