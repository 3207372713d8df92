import Foundation
import Logging
import Testing
import UnknotCore
import UnknotServer
import UnknotStudio

/// The outbox (issue #18; the sign-up mails of issue #17 go through it): a mail is written with
/// the change it tells of, survives a restart, is retried with back-off while the mail server is
/// down, given up with its reason when it never will be taken, and sent once by two servers.
@Suite("Mail: the outbox keeps, retries and sends once")
struct OutboxTests {
    /// A studio on a new database of `store` with the test clock; `body` gets a way to open it
    /// again (a restart) on the same database.
    static func withStudio(
        _ store: TestStore, configure: (inout StudioSettings) -> Void = { _ in },
        _ body: (SettableClock, @Sendable () async throws -> Studio) async throws -> Void
    ) async throws {
        let (storage, remove) = try await store.make()
        let clock = SettableClock(TestStudio.monday)
        var settings = StudioSettings(timeZone: TimeZone(identifier: "UTC") ?? .current, passwordCost: 4)
        settings.passwordHasher = TestStudio.testHasher
        configure(&settings)
        let opened = OpenedDatabases()
        let frozen = settings
        do {
            try await body(clock) {
                let database = try await StudioDatabase.open(storage, logger: TestStudio.logger)
                await opened.add(database)
                return Studio(database: database, settings: frozen, catalog: try ProgramCatalog.bundled(), clock: clock)
            }
        } catch {
            await opened.shutdown()
            await remove()
            throw error
        }
        await opened.shutdown()
        await remove()
    }

    static func delivery(_ studio: Studio, _ mailbox: TestMailbox) -> MailDelivery {
        MailDelivery(studio: studio, transport: mailbox, logger: TestStudio.logger)
    }

    @Test(
        "A mail waits in the database across a restart, and goes when a delivery runs", arguments: TestStore.available)
    func survivesRestart(store: TestStore) async throws {
        try await Self.withStudio(store) { _, open in
            let first = try await open()
            _ = try await first.requestSignUp(email: "kept@test.example", name: "Kept", password: "long enough pass")
            // The server stops before any delivery ran; another starts on the same database.
            let second = try await open()
            #expect(try await second.mailWaiting() == 1)
            let mailbox = TestMailbox()
            let result = await Self.delivery(second, mailbox).deliverDue()
            #expect(result.sent == 1 && result.failed == 0)
            let mail = try #require(await mailbox.all.first)
            #expect(mail.recipient == "kept@test.example" && mail.token != nil)
            #expect(try await second.mailWaiting() == 0)
            #expect(await Self.delivery(second, mailbox).deliverDue().sent == 0, "sent once, not again")
        }
    }

    @Test("While the mail server is down: tried again after 1, 2, 4… minutes, then sent; the reason kept meanwhile")
    func backOff() async throws {
        try await Self.withStudio(.sqlite) { clock, open in
            let studio = try await open()
            _ = try await studio.requestSignUp(email: "later@test.example", name: "Later", password: "long enough pass")
            let mailbox = TestMailbox()
            await mailbox.fail(with: .transient("421 down for now"))
            let delivery = Self.delivery(studio, mailbox)
            #expect(await delivery.deliverDue().failed == 1)
            for wait in [1, 2, 4] {
                clock.advance(minutes: wait - 1)
                clock.advance(seconds: 59)
                #expect(await delivery.deliverDue() == (0, 0), "not before its time (\(wait) min)")
                clock.advance(seconds: 1)
                #expect(await delivery.deliverDue().failed == 1, "tried again after \(wait) min")
            }
            let admin = try await studio.createAccount(
                email: "admin@test.example", name: "Admin", password: "long enough pass", role: .admin)
            let entry = try #require(
                try await studio.outbox(Caller(accountID: admin.id, role: .admin, name: "A")).first)
            #expect(entry.state == .waiting && entry.attempts == 4 && entry.lastError?.contains("421") == true)
            await mailbox.fail(with: nil)
            clock.advance(minutes: 8)
            #expect(await delivery.deliverDue().sent == 1)
            let sent = try #require(try await studio.outbox(Caller(accountID: admin.id, role: .admin, name: "A")).first)
            #expect(sent.state == .sent && sent.lastError == nil && sent.sentAt != nil)
        }
    }

    @Test("Refused for good, or not taken within the give-up time: marked failed with why, never tried again")
    func givesUp() async throws {
        try await Self.withStudio(.sqlite, configure: { $0.mailGiveUpAfter = 3600 }) { clock, open in
            let studio = try await open()
            let admin = try await studio.createAccount(
                email: "admin@test.example", name: "Admin", password: "long enough pass", role: .admin)
            let caller = Caller(accountID: admin.id, role: .admin, name: "A")
            let mailbox = TestMailbox()
            let delivery = Self.delivery(studio, mailbox)
            _ = try await studio.requestSignUp(email: "gone@test.example", name: "Gone", password: "long enough pass")
            await mailbox.fail(with: .permanent("550 no such mailbox"))
            #expect(await delivery.deliverDue().failed == 1)
            clock.advance(minutes: 120)
            #expect(await delivery.deliverDue() == (0, 0))
            var entry = try #require(try await studio.outbox(caller).first)
            #expect(entry.state == .failed && entry.lastError?.contains("550") == true)

            _ = try await studio.requestSignUp(email: "slow@test.example", name: "Slow", password: "long enough pass")
            await mailbox.fail(with: .transient("421 down"))
            var tries = 0
            for _ in 0..<200 {
                tries += await delivery.deliverDue().failed
                clock.advance(minutes: 1)
            }
            entry = try #require(try await studio.outbox(caller).first)
            #expect(entry.recipient == "slow@test.example" && entry.state == .failed, "\(entry)")
            #expect(tries == entry.attempts && (5...8).contains(tries), "back-off within the hour: \(tries) tries")
        }
    }

    @Test("Two servers delivering at once send each mail exactly once", arguments: TestStore.available)
    func twoServers(store: TestStore) async throws {
        try await Self.withStudio(store, configure: { $0.signUpMailsPerAddress = 100 }) { _, open in
            let one = try await open()
            let two = try await open()
            for n in 0..<30 {
                _ = try await one.requestSignUp(
                    email: "client\(n)@test.example", name: "Client \(n)", password: "long enough pass")
            }
            let mailbox = TestMailbox()
            async let a = Self.delivery(one, mailbox).deliverDue()
            async let b = Self.delivery(two, mailbox).deliverDue()
            let (first, second) = await (a, b)
            #expect(first.sent + second.sent == 30, "\(first) + \(second)")
            let recipients = await mailbox.all.map(\.recipient)
            #expect(recipients.count == 30 && Set(recipients).count == 30)
        }
    }

    @Test("A delivery that died mid-send: its mail comes back after the lease and is sent")
    func leaseRunsOut() async throws {
        try await Self.withStudio(.sqlite) { clock, open in
            let studio = try await open()
            _ = try await studio.requestSignUp(email: "crash@test.example", name: "Crash", password: "long enough pass")
            let held = try await studio.claimDueMail(limit: 10)
            #expect(held.count == 1)
            // The process holding it is gone; nothing reports on it.
            let mailbox = TestMailbox()
            #expect(await Self.delivery(studio, mailbox).deliverDue().sent == 0, "held by the lease")
            clock.advance(minutes: 6)
            #expect(await Self.delivery(studio, mailbox).deliverDue().sent == 1)
            // The late report of the dead delivery changes nothing.
            try await studio.mailNotSent(held[0], .transient("late"))
            #expect(try await studio.mailWaiting() == 0)
        }
    }
}

/// The databases a test opened, shut down at its end.
actor OpenedDatabases {
    private var databases: [StudioDatabase] = []
    func add(_ database: StudioDatabase) { databases.append(database) }
    func shutdown() async {
        for database in databases { await database.shutdown() }
    }
}
