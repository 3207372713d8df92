import Foundation
import UnknotStudio

/// A mail transport that keeps what it is given, for tests that read the studio's e-mail (the
/// real protocol is tested against a real SMTP server in `SMTPTransportTests`).
actor TestMailbox: MailTransport {
    struct Mail: Sendable {
        var sender: String
        var recipient: String
        var message: String

        /// The quoted-printable body, decoded enough to find links (soft breaks joined).
        var text: String {
            message.replacingOccurrences(of: "=\r\n", with: "").replacingOccurrences(of: "=3D", with: "=")
        }

        /// The token of the first `…?token=` link in the message.
        var token: String? {
            guard let range = text.range(of: "token=") else { return nil }
            return String(text[range.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        }
    }

    /// Every mail sent so far.
    private(set) var all: [Mail] = []
    private var unread: [Mail] = []
    private var waiters: [UUID: CheckedContinuation<Void, Never>] = [:]
    /// When set, every send fails with this (a mail server that is down).
    var failure: MailError?

    nonisolated var destination: String { "the test's mailbox" }

    func send(message: String, from sender: String, to recipient: String) async throws(MailError) {
        if let failure { throw failure }
        let mail = Mail(sender: sender, recipient: recipient, message: message)
        all.append(mail)
        unread.append(mail)
        let woken = waiters
        waiters = [:]
        for waiter in woken.values { waiter.resume() }
    }

    func fail(with error: MailError?) { failure = error }

    /// The next mail to `recipient` not returned before, waiting up to `limit` for it.
    func next(to recipient: String, within limit: Duration = .seconds(30)) async -> Mail? {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            if let index = unread.firstIndex(where: { $0.recipient == recipient }) {
                return unread.remove(at: index)
            }
            await waitForMail(until: deadline)
        }
        return nil
    }

    /// The next mail to `recipient` whose text contains `words`, waiting up to `limit` for it
    /// (mails to them without the words are passed over and stay unread).
    func next(to recipient: String, containing words: String, within limit: Duration = .seconds(30)) async -> Mail? {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            if let index = unread.firstIndex(where: { $0.recipient == recipient && $0.text.contains(words) }) {
                return unread.remove(at: index)
            }
            await waitForMail(until: deadline)
        }
        return nil
    }

    private func waitForMail(until deadline: ContinuousClock.Instant) async {
        let id = UUID()
        let bound = Task { [weak self] in
            try? await Task.sleep(until: deadline)
            await self?.wake(id)
        }
        await withCheckedContinuation { waiters[id] = $0 }
        bound.cancel()
    }

    private func wake(_ id: UUID) {
        waiters.removeValue(forKey: id)?.resume()
    }
}
