import Foundation

/// How a studio runs: its time zone, its booking rules, how long a sign-in lasts and how hard
/// passwords are hashed.
public struct StudioSettings: Sendable {
    /// The studio's wall clock (bookings are in studio-local time; calendar files in UTC).
    public var timeZone: TimeZone
    public var rules: BookingRules
    /// How long a sign-in lasts.
    public var tokenLifetime: TimeInterval
    /// bcrypt cost (4…31); 12 in service, lower only in tests.
    public var passwordCost: UInt8
    /// Where the studio is, for calendar entries.
    public var address: String
    /// The studio's name, as its e-mails sign them.
    public var studioName = "Unknot studio"
    /// The studio's telephone number, shown wherever a client must reach a person (empty: none).
    public var phone = ""
    /// Where clients write to the studio (empty: the address its e-mails come from).
    public var contactEmail = ""
    /// How clients reach the studio, as a clause: "call the studio on 030 1234 or write to …".
    public var contactClause: String {
        let email = contactEmail.isEmpty ? mailFrom : contactEmail
        return phone.isEmpty ? "write to the studio at \(email)" : "call the studio on \(phone) or write to \(email)"
    }
    /// Where clients reach the studio's pages (`https://studio.example`, no trailing slash): the
    /// links in its e-mails start with it (never with the Host a request named).
    public var publicURL = "http://127.0.0.1:8080"
    /// The address the studio's e-mails come from.
    public var mailFrom = "studio@unknot.invalid"
    /// How long a sign-up link works (seconds).
    public var signUpLinkLifetime: TimeInterval = 24 * 3600
    /// How long a password reset link works (seconds).
    public var passwordResetLifetime: TimeInterval = 3600
    /// How long a time freed for a client on the waitlist is held for them (seconds).
    public var waitlistHold: TimeInterval = 2 * 3600
    /// How long before a session its reminder is mailed (seconds).
    public var reminderAhead: TimeInterval = 24 * 3600
    /// Sign-up and password reset mails one address receives in an hour, at most.
    public var signUpMailsPerAddress = 3
    /// How long a delivery holds a mail it took before another may try it (seconds).
    public var mailLease: TimeInterval = 5 * 60
    /// The first wait after a failed try, doubling after each further one up to the most (seconds).
    public var mailRetryFirst: TimeInterval = 60
    public var mailRetryMost: TimeInterval = 3600
    /// How long the outbox keeps trying a mail before it gives up (seconds).
    public var mailGiveUpAfter: TimeInterval = 3 * 24 * 3600
    /// Mark the session cookie `Secure` (when the server is reached over HTTPS, e.g. behind a
    /// TLS proxy).
    public var secureCookies = false
    /// Wrong passwords for one e-mail address (an account or not) before it takes a pause.
    public var signInAttempts = 5
    /// How long that pause is (seconds).
    public var signInPause: TimeInterval = 15 * 60
    /// Wrong passwords (and refused guesses) from one network address, on any accounts, in a
    /// sliding `networkWindow` (a machine spraying guesses over a list of addresses).
    public var signInsPerNetwork = 30
    /// Accounts one network address may make in a sliding `networkWindow`.
    public var accountsPerNetwork = 10
    /// The sliding window of the per-network limits (seconds).
    public var networkWindow: TimeInterval = 15 * 60
    /// How long a device that signed in with its password keeps its own guess allowance for that
    /// account (seconds), and how many such devices one account keeps (the newest).
    public var deviceLifetime: TimeInterval = 180 * 24 * 3600
    public var devicesPerAccount = 10
    /// Care plan versions kept per client (older ones only while a booking uses them).
    public var carePlanVersionsKept = 50
    /// How long a refused sign-in (429) waits before it is answered: a flood slows to the pace of
    /// its connections without costing the studio a thread.
    public var refusalDelay: Duration = .seconds(1)
    /// Where passwords are hashed: the process's own bounded pool unless a test brings one.
    public var passwordHasher: PasswordHasher = .shared

    public init(
        timeZone: TimeZone = .current, rules: BookingRules = .init(), tokenLifetime: TimeInterval = 30 * 24 * 3600,
        passwordCost: UInt8 = 12, address: String = "Unknot studio"
    ) {
        self.timeZone = timeZone
        self.rules = rules
        self.tokenLifetime = tokenLifetime
        self.passwordCost = passwordCost
        self.address = address
    }
}
