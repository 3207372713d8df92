import Testing
import UnknotSession

/// The engine runs on an injected clock: a virtual one in tests and `--speed max`.
@Suite("Pacing")
struct PacingTests {
    @Test("Sleeping on the virtual clock jumps straight to the deadline")
    func virtualClock() async throws {
        let clock = VirtualClock()
        let start = clock.now
        try await clock.sleep(until: start.advanced(by: .seconds(90)), tolerance: nil)
        #expect(start.duration(to: clock.now) == .seconds(90))
        // Never backwards.
        try await clock.sleep(until: start.advanced(by: .seconds(10)), tolerance: nil)
        #expect(start.duration(to: clock.now) == .seconds(90))
        clock.advance(by: .milliseconds(5))
        #expect(start.duration(to: clock.now) == .milliseconds(90_005))
    }

    @Test("A pacer keeps tick n at n ms, divided by the speed-up", arguments: [1.0, 60.0])
    func pacer(_ speedUp: Double) async throws {
        let clock = VirtualClock()
        let start = clock.now
        let pacer = TickPacer(clock: clock, speedUp: speedUp)
        try await pacer.wait(untilTick: 60_000)
        #expect(start.duration(to: clock.now) == .milliseconds(Int64(60_000 / speedUp)))
        // A tick already due does not wait.
        try await pacer.wait(untilTick: 30_000)
        #expect(start.duration(to: clock.now) == .milliseconds(Int64(60_000 / speedUp)))
    }
}
