import Foundation
import UnknotCore

/// What a live session is: who, where, what, and whether it is a demo (a demo has no booking
/// and its record is kept in memory only).
struct LiveSessionInfo: Sendable, Hashable {
    var id: UUID
    var stationID: Int
    var stationName: String
    var bookingID: UUID?
    var accountID: UUID
    var clientName: String
    var programID: String
    var programName: String
    var minutes: Int
    /// Whether the client allowed staff to be alerted (CARE.md: nothing reaches staff otherwise).
    var staffMayBeAlerted: Bool
    var isDemo: Bool { bookingID == nil }
}
