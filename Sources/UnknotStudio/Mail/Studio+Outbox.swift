import FluentKit
import Foundation

extension Studio {
    /// Puts `message` in the outbox inside the transaction `db` of the change it tells of: the
    /// mail goes if and only if that change is kept.
    func queueMail(_ message: MailMessage, kind: MailKind, on db: any Database) async throws {
        let row = OutboxMailRow(
            kind: kind.rawValue, sender: message.from.address, recipient: message.to.address,
            message: message.rendered(), createdAt: clock.now)
        try await row.create(on: db)
    }

    /// Takes up to `limit` mails that are due, oldest first, for one delivery: each is held for
    /// `settings.mailLease` (another server's delivery skips it meanwhile), and comes back due if
    /// this delivery never reports on it (a crash mid-send).
    public func claimDueMail(limit: Int) async throws(StudioError) -> [OutboxMail] {
        let now = clock.now
        let lease = now.addingTimeInterval(settings.mailLease)
        let due = try await database.read { db in
            try await OutboxMailRow.query(on: db)
                .filter(\.$state == OutboxMail.State.waiting.rawValue)
                .filter(\.$nextAttemptAt <= now)
                .sort(\.$nextAttemptAt).sort(\.$createdAt)
                .limit(limit).all()
        }
        var claimed: [OutboxMail] = []
        for row in due {
            guard let id = row.id, let kind = MailKind(rawValue: row.kind) else { continue }
            let claim = UUID().uuidString
            // Compare and set: only the delivery whose update still sees the old claim holds it.
            let old = row.claim
            let held = try await database.write { db -> Bool in
                try await OutboxMailRow.query(on: db).filter(\.$id == id).filter(\.$claim == old)
                    .set(\.$claim, to: claim).set(\.$nextAttemptAt, to: lease).update()
                return try await OutboxMailRow.query(on: db).filter(\.$id == id).filter(\.$claim == claim).count() == 1
            }
            guard held else { continue }
            claimed.append(
                OutboxMail(
                    id: id, kind: kind, sender: row.sender, recipient: row.recipient, message: row.message,
                    attempts: row.attempts, createdAt: row.createdAt, claim: claim))
        }
        return claimed
    }

    /// Records that the mail server took `mail`.
    public func mailSent(_ mail: OutboxMail) async throws(StudioError) {
        let now = clock.now
        try await database.write { db in
            try await OutboxMailRow.query(on: db).filter(\.$id == mail.id).filter(\.$claim == mail.claim)
                .set(\.$state, to: OutboxMail.State.sent.rawValue).set(\.$sentAt, to: now)
                .set(\.$attempts, to: mail.attempts + 1).set(\.$lastError, to: nil).update()
        }
    }

    /// Records a try that failed: a transient failure is tried again after a back-off that
    /// doubles from `mailRetryFirst` up to `mailRetryMost`; a permanent one, or a mail still not
    /// taken `mailGiveUpAfter` after it was written, is marked failed with the reason.
    public func mailNotSent(_ mail: OutboxMail, _ error: MailError) async throws(StudioError) {
        let now = clock.now
        let attempts = mail.attempts + 1
        let wait = Self.mailBackOff(attempts: attempts, first: settings.mailRetryFirst, most: settings.mailRetryMost)
        let next = now.addingTimeInterval(wait)
        var giveUp = false
        if case .permanent = error { giveUp = true }
        if next.timeIntervalSince(mail.createdAt) > settings.mailGiveUpAfter { giveUp = true }
        let state = giveUp ? OutboxMail.State.failed : .waiting
        let reason = String(error.description.prefix(1000))
        try await database.write { db in
            try await OutboxMailRow.query(on: db).filter(\.$id == mail.id).filter(\.$claim == mail.claim)
                .set(\.$state, to: state.rawValue).set(\.$attempts, to: attempts)
                .set(\.$nextAttemptAt, to: next).set(\.$lastError, to: reason).update()
        }
    }

    /// The wait before try `attempts + 1`: `first`, doubling each time, at most `most`.
    static func mailBackOff(attempts: Int, first: TimeInterval, most: TimeInterval) -> TimeInterval {
        let doublings = min(max(attempts - 1, 0), 30)
        return min(first * Double(1 << doublings), most)
    }

    /// The outbox, newest first (admins only): what was sent, what waits and why, what failed.
    public func outbox(_ caller: Caller, limit: Int = 100) async throws(StudioError) -> [OutboxEntry] {
        try caller.requireAdmin()
        let rows = try await database.read { db in
            try await OutboxMailRow.query(on: db).sort(\.$createdAt, .descending).limit(min(max(limit, 1), 500)).all()
        }
        return rows.compactMap { row in
            guard let id = row.id else { return nil }
            return OutboxEntry(
                id: id, kind: row.kind, recipient: row.recipient,
                state: OutboxMail.State(rawValue: row.state) ?? .waiting, attempts: row.attempts,
                createdAt: row.createdAt, nextAttemptAt: row.nextAttemptAt, sentAt: row.sentAt,
                lastError: row.lastError)
        }
    }

    /// How many mails wait to be sent.
    public func mailWaiting() async throws(StudioError) -> Int {
        try await database.read { db in
            try await OutboxMailRow.query(on: db).filter(\.$state == OutboxMail.State.waiting.rawValue).count()
        }
    }
}
