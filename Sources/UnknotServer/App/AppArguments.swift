import Foundation
import Logging
import UnknotStudio

/// What the server is started with; the `serve` command and the tests both give these to
/// ``buildApplication(_:)``.
public protocol AppArguments: Sendable {
    var hostname: String { get }
    var port: Int { get }
    var storage: StudioStorage { get }
    /// Set up a demo studio on an empty database (and print its credentials once).
    var demo: Bool { get }
    var logLevel: Logger.Level { get }
    var settings: StudioSettings { get }
    /// The studio's clock (a settable one in tests).
    var clock: any StudioClock { get }
    /// How often the server pings each console's WebSocket; one that misses a ping is closed
    /// (and its station pauses).
    var consolePing: Duration { get }
    /// How often bookings left in progress with nothing running them are settled
    /// (``BookingReconciliation``).
    var reconcileEvery: Duration { get }
    /// The bearer token a metrics scraper presents for `GET /metrics` (admins signed in may read
    /// it too); `nil`: admins only. The metrics are never open to anyone who asks.
    var metricsToken: String? { get }
    /// How long a client may take to send a request, and to stay idle (``SlowClientGuard``).
    var connectionLimits: ConnectionLimits { get }
    /// Where the studio's e-mail goes (an SMTP server, or a folder of `.eml` files); `nil`: it
    /// waits in the outbox until a server started with one sends it.
    var mailTransport: (any MailTransport)? { get }
    /// How often reminders of the next day's sessions are put in the outbox; `nil`: never (tests
    /// that move their clock call ``Studio/queueReminders()`` themselves).
    var remindersEvery: Duration? { get }
}

/// Arguments with their usual values.
public struct ServeArguments: AppArguments {
    public var hostname: String
    public var port: Int
    public var storage: StudioStorage
    public var demo: Bool
    public var logLevel: Logger.Level
    public var settings: StudioSettings
    public var clock: any StudioClock
    public var consolePing: Duration
    public var reconcileEvery: Duration
    public var metricsToken: String?
    public var connectionLimits: ConnectionLimits
    public var mailTransport: (any MailTransport)?
    public var remindersEvery: Duration?

    public init(
        hostname: String = "127.0.0.1", port: Int = 8080, storage: StudioStorage = .sqlite(path: "unknot.sqlite"),
        demo: Bool = true, logLevel: Logger.Level = .info, settings: StudioSettings = .init(),
        clock: any StudioClock = SystemClock(), consolePing: Duration = .seconds(2),
        reconcileEvery: Duration = .seconds(60), metricsToken: String? = nil,
        connectionLimits: ConnectionLimits = ConnectionLimits(), mailTransport: (any MailTransport)? = nil,
        remindersEvery: Duration? = .seconds(60)
    ) {
        self.remindersEvery = remindersEvery
        self.mailTransport = mailTransport
        self.connectionLimits = connectionLimits
        self.reconcileEvery = reconcileEvery
        self.metricsToken = metricsToken
        self.hostname = hostname
        self.port = port
        self.storage = storage
        self.demo = demo
        self.logLevel = logLevel
        self.settings = settings
        self.clock = clock
        self.consolePing = consolePing
    }
}
