import Foundation
import HummingbirdTesting
import Testing
import UnknotServer
import UnknotStation
import UnknotStudioLink

/// Two studio instances on one PostgreSQL database and a station linked to one of them: both
/// floors show it, and an emergency stop pressed on either reaches it (through PostgreSQL's
/// LISTEN/NOTIFY).
@Suite("Station link: two studio instances, one database")
struct TwoStudiosTests {
    @Test("the station linked to one instance shows on the other's floor; the other's e-stops reach it")
    func stopFromEither() async throws {
        guard TestStore.available.contains(.postgres) else { return }
        try await TestStudio.run(.postgres, .live, demoStations: false) { studio, first in
            let t = try await first.tokens()
            let issued = try await first.call(
                .post, "/api/stations/1/credentials", token: t.admin, json: [String: Any]())
            let token = try #require(issued.string("token"))
            let station = BenchStation()
            let link = StudioLinkClient(
                studio: "http://127.0.0.1:\(try #require(first.port))", token: token, logger: TestStudio.logger)
            let running = Task { await link.run(station) }
            defer { running.cancel() }
            #expect(await station.first { if case .linked = $0 { true } else { false } } != nil)

            let second = try await buildApplication(studio.arguments)
            try await second.test(.live) { other in
                let staff = try await other.signIn("staff@test.example")
                // The other instance's floor shows the station, from what the first publishes.
                #expect(
                    try await other.eventually(within: 10) {
                        try await $0.page("/staff", token: staff).text.contains("Linked: simulated arm")
                    })
                // Its e-stops reach the station, linked to the first instance.
                var delays: [Double] = []
                for round in 0..<20 {
                    let before = station.stops
                    let pressed = ContinuousClock.now
                    #expect(try await other.form("/staff/stations/1/stop", token: staff).location == "/staff")
                    var arrived = false
                    while !arrived, ContinuousClock.now - pressed < .seconds(10) {
                        arrived = station.stops > before
                        if !arrived { try await Task.sleep(for: .milliseconds(1)) }
                    }
                    #expect(arrived, "round \(round): the stop did not reach the station")
                    let delay = ContinuousClock.now - pressed
                    delays.append(Double(delay.components.attoseconds) / 1e15 + Double(delay.components.seconds) * 1e3)
                }
                delays.sort()
                print("two-instance e-stop, ms: p50 \(delays[delays.count / 2]) max \(delays.last ?? 0)")
            }
        }
    }
}
