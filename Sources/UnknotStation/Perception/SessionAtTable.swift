import Synchronization
import UnknotCore
import UnknotSession

/// The session on the table now, for the station's inputs that outlive any one session (the body
/// sensors, the microphone): its loop, and whether its client lets the station listen.
///
/// Guarantees: a session whose loop has ended is no longer on the table, so nothing an input reads
/// between sessions reaches a finished loop or the next client; the microphone is offered a loop
/// only while that session's care plan says the station may listen (``listeningLoop``), so
/// consent opens and closes the listener with each session. Safe from any thread; never waits on
/// the loop.
public final class SessionAtTable<Hardware: RobotHardware>: Sendable {
    private struct Seated: Sendable {
        let loop: StationLoop<Hardware>
        let listens: Bool
    }

    private let seated = Mutex<Seated?>(nil)

    public init() {}

    /// A session begins on the table: its loop and its client's care plan (which says whether the
    /// station may listen). The session before it, if any, is gone from the table.
    public func begin(_ loop: StationLoop<Hardware>, carePlan: CarePlan) {
        let listens = StationHearing.listens(for: carePlan)
        seated.withLock { $0 = Seated(loop: loop, listens: listens) }
    }

    /// The running session's loop; `nil` between sessions (none begun, or its loop has ended).
    public var loop: StationLoop<Hardware>? {
        guard let now = seated.withLock({ $0 }), now.loop.outcome == nil else { return nil }
        return now.loop
    }

    /// The running session's loop if its client lets the station listen; `nil` otherwise.
    public var listeningLoop: StationLoop<Hardware>? {
        guard let now = seated.withLock({ $0 }), now.listens, now.loop.outcome == nil else { return nil }
        return now.loop
    }
}
