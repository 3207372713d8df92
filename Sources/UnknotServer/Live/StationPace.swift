import Synchronization

/// How the live stations' time passes: in real time in service, or only when a test advances
/// it (so tests of live sessions are deterministic and never sleep).
///
/// Guarantees: with a manual pace, ``advance(milliseconds:)`` returns once every running
/// session has run that long and its updates were sent.
public final class StationPace: Sendable {
    public let isManual: Bool
    private let floor = Mutex<LiveFloor?>(nil)

    private init(isManual: Bool) { self.isManual = isManual }

    /// Real time: the server's own loop runs the stations.
    public static var realTime: StationPace { StationPace(isManual: false) }

    /// Time passes only through ``advance(milliseconds:)``.
    public static func manual() -> StationPace { StationPace(isManual: true) }

    func attach(_ floor: LiveFloor) { self.floor.withLock { $0 = floor } }

    /// Runs every live session for `milliseconds` (manual pace only; ignored otherwise).
    public func advance(milliseconds: Int) async {
        guard isManual, let floor = floor.withLock({ $0 }) else { return }
        var left = milliseconds
        while left > 0 {
            let step = min(left, 100)
            await floor.advance(milliseconds: step)
            left -= step
        }
    }
}
