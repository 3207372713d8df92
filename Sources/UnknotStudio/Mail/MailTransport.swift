/// Something that takes a finished e-mail on: an SMTP server or a folder of `.eml` files.
///
/// Guarantees a conforming type gives: when `send` returns, the message is the mail server's (or
/// on disk); when it throws ``MailError/transient(_:)`` nothing was taken and the same message
/// may be sent again later; ``MailError/permanent(_:)`` means sending it again will not help.
public protocol MailTransport: Sendable {
    /// Where mail goes, for logs and the startup line (never with a password).
    var destination: String { get }
    func send(message: String, from sender: String, to recipient: String) async throws(MailError)
}
