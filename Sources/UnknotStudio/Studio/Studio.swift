import FluentKit
import Foundation
import UnknotCore

/// The studio: accounts, care plans, stations, programs, prices, promo codes, bookings and
/// session records, over a ``StudioDatabase``.
///
/// Guarantees: every operation checks who asks (a client only ever sees and changes their own
/// data); every refusal is a ``StudioError`` that says what to do; every change that touches
/// more than one row is one transaction, so a refused or failed request leaves nothing half
/// written; no two bookings ever hold the same station minutes (see `BookingCellRow`).
public struct Studio: Sendable {
    public let database: StudioDatabase
    public let settings: StudioSettings
    /// The program definitions (phases, techniques); the database says how they are offered.
    public let catalog: ProgramCatalog
    public let clock: any StudioClock
    /// Where passwords are hashed and checked: never on the database's threads.
    public var passwordHasher: PasswordHasher { settings.passwordHasher }
    /// Password guesses counted per e-mail address before any is checked.
    let signInGuard: SignInGuard
    /// Password guesses and new accounts counted per network address.
    let guessesFromNetwork: NetworkAllowance
    let accountsFromNetwork: NetworkAllowance
    /// Sign-up mails counted per recipient (hashed), so no one can fill a stranger's inbox.
    let mailsToAddress: NetworkAllowance
    /// Password resets asked for per network address.
    let resetsFromNetwork: NetworkAllowance
    /// Rung when a mail is put in the outbox (the delivery listens).
    public let mailBell = MailBell()
    /// Recently confirmed sign-ins, so a signed-in request need not wait on the database.
    let signedIn = SignedInCallers()

    public init(
        database: StudioDatabase, settings: StudioSettings = .init(), catalog: ProgramCatalog,
        clock: any StudioClock = SystemClock()
    ) {
        self.database = database
        self.settings = settings
        self.catalog = catalog
        self.clock = clock
        signInGuard = SignInGuard(attempts: settings.signInAttempts, pause: settings.signInPause)
        guessesFromNetwork = NetworkAllowance(limit: settings.signInsPerNetwork, window: settings.networkWindow)
        accountsFromNetwork = NetworkAllowance(limit: settings.accountsPerNetwork, window: settings.networkWindow)
        mailsToAddress = NetworkAllowance(limit: settings.signUpMailsPerAddress, window: 3600)
        resetsFromNetwork = NetworkAllowance(limit: settings.accountsPerNetwork, window: settings.networkWindow)
    }

    /// Now, studio-local.
    public var now: StudioTime { StudioTime(clock.now, in: settings.timeZone) }

    /// Today, studio-local.
    public var today: CalendarDate { CalendarDate(dayNumber: now.day) }

    static func json<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).flatMap { String(data: $0, encoding: .utf8) } ?? "null"
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) -> T? {
        try? JSONDecoder().decode(type, from: Data(text.utf8))
    }

    /// Reads a `YYYY-MM-DD` date of a request; the error names `field` and the format.
    public static func date(_ text: String, field: String) throws(StudioError) -> CalendarDate {
        guard let date = CalendarDate(text) else {
            throw StudioError(.badRequest, field: field, "'\(text)' is not a date; write it as YYYY-MM-DD")
        }
        return date
    }

    /// Reads a `YYYY-MM-DDTHH:MM` studio time of a request.
    static func time(_ text: String, field: String) throws(StudioError) -> StudioTime {
        guard let time = StudioTime(text: text) else {
            throw StudioError(
                .badRequest, field: field,
                "'\(text)' is not a studio time; write it as YYYY-MM-DDTHH:MM, e.g. 2026-12-01T14:30")
        }
        return time
    }
}
