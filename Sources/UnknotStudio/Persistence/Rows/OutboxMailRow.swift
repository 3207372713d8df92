import FluentKit
import Foundation

/// One e-mail in the studio's outbox: written in the same transaction as the change it tells of,
/// so a booking is never made without its confirmation waiting to go, and kept until the mail
/// server has taken it (or the studio gives up and says why).
final class OutboxMailRow: Model, @unchecked Sendable {
    static let schema = "mail_outbox"

    @ID(key: .id) var id: UUID?
    /// What the mail is for (``MailKind``).
    @Field(key: "kind") var kind: String
    @Field(key: "sender") var sender: String
    @Field(key: "recipient") var recipient: String
    /// The whole message as it goes over SMTP (RFC 5322, CRLF line ends).
    @Field(key: "message") var message: String
    @Field(key: "created_at") var createdAt: Date
    /// When a delivery may next try it; moved forward while a delivery holds it (its lease).
    @Field(key: "next_attempt_at") var nextAttemptAt: Date
    @Field(key: "attempts") var attempts: Int
    /// `waiting`, `sent` or `failed` (``OutboxMail/State``).
    @Field(key: "state") var state: String
    @OptionalField(key: "sent_at") var sentAt: Date?
    @OptionalField(key: "last_error") var lastError: String?
    /// Changed by each delivery that takes the mail, so two servers never send it twice at once.
    @Field(key: "claim") var claim: String

    init() {}

    init(kind: String, sender: String, recipient: String, message: String, createdAt: Date) {
        self.id = UUID()
        self.kind = kind
        self.sender = sender
        self.recipient = recipient
        self.message = message
        self.createdAt = createdAt
        self.nextAttemptAt = createdAt
        self.attempts = 0
        self.state = OutboxMail.State.waiting.rawValue
        self.claim = UUID().uuidString
    }
}
