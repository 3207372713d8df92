import Synchronization

/// How the live stations' time passes: in real time in service, or only when a test advances
/// it (so tests of live sessions are deterministic and never sleep).
///
/// Guarantees: with a manual pace, ``advance(milliseconds:)`` returns once every running
/// session has run that long and its updates were sent.
public final class StationPace: Sendable {
    public let isManual: Bool
    /// How many milliseconds of station time pass per millisecond of real time (1 in service;
    /// more for demos and end-to-end checks, `serve --station-speed 60x`).
    public let speedUp: Int
    private let floor = Mutex<LiveFloor?>(nil)

    private init(isManual: Bool, speedUp: Int = 1) {
        self.isManual = isManual
        self.speedUp = max(1, speedUp)
    }

    /// Real time: the server's own loop runs the stations.
    public static var realTime: StationPace { StationPace(isManual: false) }

    /// Faster than real time, `speedUp` times (demos and checks only: a session of 60 minutes
    /// takes one at 60x).
    public static func realTime(speedUp: Int) -> StationPace { StationPace(isManual: false, speedUp: speedUp) }

    /// Time passes only through ``advance(milliseconds:)``; `speedUp` as the server would run
    /// (it stretches the console's real-world grace times).
    public static func manual(speedUp: Int = 1) -> StationPace { StationPace(isManual: true, speedUp: speedUp) }

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
