import Logging
import Metrics
import ServiceLifecycle
import UnknotStudio

/// Sends the studio's outbox through a ``MailTransport``: at once when a mail is queued (the
/// studio's ``MailBell``), and every `every` for mails whose retry time has come.
///
/// Guarantees: a mail is marked sent only after the transport took it; a failure is recorded
/// with its reason and retried with back-off (``Studio/mailNotSent(_:_:)``); a crash mid-send
/// loses nothing (the mail's lease runs out and it is sent again: at least once, never zero);
/// two servers on one database never hold the same mail at once. Never on the request path:
/// a slow or absent mail server delays only mail.
public struct MailDelivery: Service {
    let studio: Studio
    let transport: any MailTransport
    let logger: Logger
    var every: Duration = .seconds(30)
    var batch = 20

    public init(studio: Studio, transport: any MailTransport, logger: Logger, every: Duration = .seconds(30)) {
        self.studio = studio
        self.transport = transport
        self.logger = logger
        self.every = every
    }

    public func run() async throws {
        logger.info("mail goes to \(transport.destination)")
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await deliverDue()
                await studio.mailBell.wait(upTo: every)
            }
        }
    }

    /// Sends every mail due now, a batch at a time; says how many went and how many failed.
    @discardableResult
    public func deliverDue() async -> (sent: Int, failed: Int) {
        var sent = 0
        var failed = 0
        while !Task.isCancelled {
            let due: [OutboxMail]
            do {
                due = try await studio.claimDueMail(limit: batch)
            } catch {
                logger.warning("the outbox cannot be read: \(error)")
                return (sent, failed)
            }
            for mail in due {
                do throws(MailError) {
                    try await transport.send(message: mail.message, from: mail.sender, to: mail.recipient)
                    try? await studio.mailSent(mail)
                    sent += 1
                    Counter(label: "unknot_mail_total", dimensions: [("outcome", "sent")]).increment()
                } catch {
                    try? await studio.mailNotSent(mail, error)
                    failed += 1
                    Counter(label: "unknot_mail_total", dimensions: [("outcome", "not-sent")]).increment()
                    logger.warning(
                        "a \(mail.kind.rawValue) mail was not sent (try \(mail.attempts + 1)): \(error)")
                }
            }
            // Until a look finds nothing left to take (another server may have taken part of a batch).
            if due.isEmpty { break }
        }
        return (sent, failed)
    }
}
