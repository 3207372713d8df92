import Synchronization

/// Whether a link's greeting is done (the station's hello read, or the studio's welcome): set
/// once, read by the link's other tasks (a sender waits for it; a deadline checks it).
public final class LinkGreeting: Sendable {
    private let value = Mutex(false)

    public init() {}

    public var isDone: Bool { value.withLock { $0 } }

    public func done() { value.withLock { $0 = true } }
}
