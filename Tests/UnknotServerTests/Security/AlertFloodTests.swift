import Foundation
import HummingbirdTesting
import Testing

@testable import UnknotServer

/// Issue #17, finding 8: repeated "call a person" from one session filled the kept alerts and
/// pushed out other stations' pain alerts.
@Suite("Security: one station's flood of alerts never pushes out another's")
struct AlertFloodTests {
    @Test("A thousand calls from one session are one alert with its count; another station's pain stays")
    func flood() {
        var log = AlertLog(capacity: 50)
        let (cleo, dan) = (UUID(), UUID())
        log.add(
            session: dan, stationID: 2, station: "Station 2", client: "Dan", at: 600,
            text: "pain again at the left calves")
        for i in 0..<1_000 {
            log.add(
                session: cleo, stationID: 1, station: "Station 1", client: "Cleo", at: 600 + i % 60,
                text: "calls for a person")
        }
        let shown = log.newestFirst
        #expect(shown.count == 2)
        #expect(shown.first?.text == "calls for a person (×1000)")
        #expect(shown.contains { $0.station == "Station 2" && $0.text == "pain again at the left calves" })
    }

    @Test("Many different alerts from one station: the cap holds, and the other station keeps its own")
    func fairEviction() {
        var log = AlertLog(capacity: 50)
        let quiet = UUID()
        for k in 0..<3 {
            log.add(
                session: quiet, stationID: 2, station: "Station 2", client: "Dan", at: 540 + k,
                text: "rated \(8 + k % 3)")
        }
        // A different text each time (no deduplication) from another station's sessions.
        for i in 0..<500 {
            log.add(session: UUID(), stationID: 1, station: "Station 1", client: "Cleo", at: 600, text: "alert \(i)")
        }
        let shown = log.newestFirst
        #expect(shown.count == 50)
        #expect(shown.filter { $0.station == "Station 2" }.count == 3)
        #expect(shown.first?.text == "alert 499", "the newest first")
    }

    /// Through the product as a client would do it: two stations, Dan calls once, then Cleo presses
    /// "call a person" 80 times. Before `AlertLog` the floor kept the newest 50 alerts, and Dan's
    /// call was gone from the staff page.
    @Test("On the staff floor: 80 calls from one console leave another station's call in view")
    func floodThroughTheFloor() async throws {
        try await TestStudio.run(.sqlite, .live) { studio, client in
            let t = try await client.tokens()
            let cleo = try LiveSessionTests.session(
                from: try await client.form("/demo", token: t.cleo, TestStudio.allWell))
            let dan = try LiveSessionTests.session(
                from: try await client.form("/demo", token: t.dan, TestStudio.allWell))
            try await client.console(dan, token: t.dan) { danFeed, danPress in
                try await client.console(cleo, token: t.cleo) { cleoFeed, cleoPress in
                    let working = await studio.advance(
                        until: {
                            let (c, d) = (await cleoFeed.lastStatus?.state, await danFeed.lastStatus?.state)
                            return c == "working" && d == "working"
                        }, limit: 30_000)
                    #expect(working)
                    try await danPress("call-staff")
                    #expect(await studio.advance(until: { await danFeed.messages.contains { $0.contains("staff") } }))
                    for _ in 0..<80 {
                        try await cleoPress("call-staff")
                        await studio.pace.advance(milliseconds: 100)
                        await studio.pace.delivered()
                    }
                    await studio.pace.advance(milliseconds: 600)
                    await studio.pace.delivered()
                    func calls(_ floor: String) -> Int {
                        floor.components(separatedBy: "Client: The client asks for a person to come").count - 1
                    }
                    // The alerts reach the studio over the stations' links: look until they are all there.
                    _ = try await client.eventually { calls(try await $0.page("/staff", token: t.staff).text) >= 2 }
                    let floor = try await client.page("/staff", token: t.staff).text
                    #expect(calls(floor) == 2, "Cleo's calls kept once with their count, and Dan's: \(calls(floor))")
                    #expect(floor.contains("Dan Client: The client asks for a person to come."), "\(floor)")
                }
            }
        }
    }
}
