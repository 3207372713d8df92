import Synchronization
import UnknotSimulation
import UnknotStation

/// How the demo stations' time passes: in real time in service, faster for demos and checks, or
/// only when a test advances it (so tests of live sessions are deterministic and never sleep).
///
/// Guarantees: with a manual pace, ``advance(milliseconds:)`` returns once every station has run
/// that long and queued what it has to say (the link sends it within 10 ms).
public final class StationPace: Sendable {
    public let isManual: Bool
    /// How many milliseconds of station time pass per millisecond of real time (1 in service;
    /// more for demos and end-to-end checks, `serve --station-speed 60x`).
    public let speedUp: Int
    private let stations = Mutex<[StationRuntime<SimulatedStation>]>([])

    private init(isManual: Bool, speedUp: Int = 1) {
        self.isManual = isManual
        self.speedUp = max(1, speedUp)
    }

    /// Real time.
    public static var realTime: StationPace { StationPace(isManual: false) }

    /// Faster than real time, `speedUp` times (demos and checks only: a session of 60 minutes
    /// takes one at 60x).
    public static func realTime(speedUp: Int) -> StationPace { StationPace(isManual: false, speedUp: speedUp) }

    /// Time passes only through ``advance(milliseconds:)``; `speedUp` as the stations would run
    /// (it stretches the console's real-world grace times).
    public static func manual(speedUp: Int = 1) -> StationPace { StationPace(isManual: true, speedUp: speedUp) }

    func attach(_ runtimes: [StationRuntime<SimulatedStation>]) { stations.withLock { $0 += runtimes } }

    /// Runs every station for `milliseconds` (manual pace only; ignored otherwise).
    public func advance(milliseconds: Int) async {
        guard isManual else { return }
        await step(milliseconds)
    }

    /// Returns once every station's link has taken what the stations said (or after `limit`, on a
    /// studio that is not there): tests wait for it before looking at what the studio relayed.
    public func delivered(limit: Duration = .seconds(2)) async {
        let deadline = ContinuousClock.now + limit
        for runtime in stations.withLock({ $0 }) {
            while await runtime.waitingToGo > 0, ContinuousClock.now < deadline {
                try? await Task.sleep(for: .milliseconds(1))
            }
        }
    }

    /// Staff orders every station has taken from the studio so far.
    public func ordersTaken() async -> Int {
        var taken = 0
        for runtime in stations.withLock({ $0 }) { taken += await runtime.ordersTaken }
        return taken
    }

    /// Returns once the stations have taken more than `count` staff orders (or after `limit`):
    /// an order travels over the link in real time, so a test waits for it before it advances
    /// the stations' time to see it acted on.
    public func tookOrder(after count: Int, limit: Duration = .seconds(10)) async {
        let deadline = ContinuousClock.now + limit
        while await ordersTaken() <= count, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(1))
        }
    }

    private func step(_ milliseconds: Int) async {
        let runtimes = stations.withLock { $0 }
        var left = milliseconds
        while left > 0 {
            let step = min(left, 100)
            for runtime in runtimes { await runtime.advance(milliseconds: step) }
            left -= step
        }
    }

    /// Runs the stations in real time (every 10 ms, the milliseconds that passed times the
    /// speed-up) until cancelled; with a manual pace, only waits.
    func run() async {
        guard !isManual else { return }
        let clock = ContinuousClock()
        var last = clock.now
        var owed = Duration.zero
        while !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(10))
            let now = clock.now
            owed += now - last
            last = now
            // After a stall (a suspended laptop), catch up at most one second at once.
            let milliseconds = min(
                1_000, Int(owed.components.seconds * 1_000 + owed.components.attoseconds / 1_000_000_000_000_000))
            guard milliseconds > 0 else { continue }
            owed -= .milliseconds(milliseconds)
            if owed > .seconds(1) { owed = .zero }
            await step(milliseconds * speedUp)
        }
    }
}
