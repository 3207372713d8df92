import Foundation
import ServiceLifecycle

/// Runs the live stations in real time while the server runs (every 10 ms, each station steps
/// the milliseconds that passed, times the pace's speed-up), and pauses them when the server stops. With a manual
/// ``StationPace`` it only waits: the tests advance the time.
struct LiveFloorService: Service {
    let floor: LiveFloor
    let pace: StationPace

    func run() async throws {
        guard !pace.isManual else {
            try? await gracefulShutdown()
            await floor.shutDown()
            return
        }
        let floor = floor
        await cancelWhenGracefulShutdown {
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
                // Faster than real time: in steps of 100 ms, so updates go out as they would.
                var left = milliseconds * pace.speedUp
                while left > 0 {
                    let step = min(left, 100)
                    await floor.advance(milliseconds: step)
                    left -= step
                }
            }
        }
        await floor.shutDown()
    }
}
