import Foundation

/// An e-mail taken from the outbox for delivery: what to send, to whom, and the claim that lets
/// only this delivery report on it.
public struct OutboxMail: Sendable, Equatable {
    /// Where a mail stands.
    public enum State: String, Sendable, Codable {
        /// Not yet taken by the mail server (maybe tried and to be tried again).
        case waiting
        case sent
        /// Refused for good, or not taken within the studio's `mailGiveUpAfter`.
        case failed
    }

    public let id: UUID
    public let kind: MailKind
    public let sender: String
    public let recipient: String
    /// RFC 5322 with CRLF line ends.
    public let message: String
    /// Earlier tries.
    public let attempts: Int
    public let createdAt: Date
    let claim: String
}

/// What an e-mail to a client is for.
public enum MailKind: String, Sendable, Codable, CaseIterable {
    /// The link that finishes a sign-up.
    case signUp = "sign-up"
    /// Someone signed up with an address that has an account already.
    case alreadySignedUp = "already-signed-up"
    /// The link that sets a new password.
    case passwordReset = "password-reset"
    /// A reset asked for an address without an account.
    case noAccount = "no-account"
    /// A reminder the day before a session.
    case bookingReminder = "booking-reminder"
    /// A booking made, with its calendar file.
    case bookingConfirmed = "booking-confirmed"
    /// A booking moved to another time or station.
    case bookingMoved = "booking-moved"
    /// A booking cancelled (by the client or the studio).
    case bookingCancelled = "booking-cancelled"
    /// A time freed for a client on the waitlist, held for them a while.
    case waitlistOffer = "waitlist-offer"
    /// The link that moves an account to a new address, sent to that address.
    case emailChange = "email-change"
    /// The old address told of a change to its account's address.
    case emailChanged = "email-changed"
    /// After a session, thanks and the next visit suggested.
    case nextVisit = "next-visit"
    /// A new staff member's invitation, with the link that sets their password.
    case staffInvitation = "staff-invitation"
    /// The link to the second seat of a session for two, sent to the partner's address.
    case partnerInvitation = "partner-invitation"
    /// The booker told that their partner took the seat, or left it.
    case partnerNews = "partner-news"
}

/// A mail as the outbox lists it for an admin.
public struct OutboxEntry: Sendable, Equatable, Codable {
    public let id: UUID
    public let kind: String
    public let recipient: String
    public let state: OutboxMail.State
    public let attempts: Int
    public let createdAt: Date
    public let nextAttemptAt: Date
    public let sentAt: Date?
    public let lastError: String?
}
