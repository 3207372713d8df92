import Foundation
import Synchronization

/// Where the studio reads the time: the system clock in service, a clock the test sets in tests
/// (cut-offs and notice periods are tested at their edges without waiting).
public protocol StudioClock: Sendable {
    var now: Date { get }
}

/// The system's clock.
public struct SystemClock: StudioClock {
    public init() {}
    public var now: Date { Date() }
}

/// A clock that stands still until it is set or advanced.
///
/// Guarantees: safe to read and set from any task.
public final class SettableClock: StudioClock {
    private let current: Mutex<Date>

    public init(_ date: Date) { current = Mutex(date) }

    public var now: Date { current.withLock { $0 } }

    public func set(_ date: Date) { current.withLock { $0 = date } }

    public func advance(minutes: Int) { current.withLock { $0 = $0.addingTimeInterval(Double(minutes) * 60) } }

    public func advance(seconds: Int) { current.withLock { $0 = $0.addingTimeInterval(Double(seconds)) } }
}

/// A clock that starts at a chosen instant and then runs at the system clock's pace: a demo
/// studio on a Monday morning whatever the hour, and browser tests that book and start sessions
/// during opening hours at any time of day.
public struct RunningClock: StudioClock {
    public let start: Date
    private let launched: Date

    public init(from start: Date) {
        self.start = start
        launched = Date()
    }

    public var now: Date { start.addingTimeInterval(Date().timeIntervalSince(launched)) }
}
