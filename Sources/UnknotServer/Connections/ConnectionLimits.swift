import NIOCore

/// How long a client may take over a request and how long a connection may sit idle
/// (``SlowClientGuard``): the studio's defaults, shortened by tests.
public struct ConnectionLimits: Sendable {
    /// What every request gets, from its first byte to the studio's first byte of answer.
    public var allowance: Duration = .seconds(20)
    /// Each this many bytes a request has sent earns it another second (a steady upload goes on).
    public var bytesPerSecond = 500
    /// A connection with no request in progress closes after this.
    public var idle: Duration = .seconds(75)
    /// Once the server drains for shutdown, what is still unanswered gets at most this.
    public var whenDraining: Duration = .seconds(2)
    /// How often each connection is looked at.
    public var every: Duration = .milliseconds(500)

    public init() {}

    public init(allowance: Duration, idle: Duration, whenDraining: Duration, every: Duration) {
        self.allowance = allowance
        self.idle = idle
        self.whenDraining = whenDraining
        self.every = every
    }
}
