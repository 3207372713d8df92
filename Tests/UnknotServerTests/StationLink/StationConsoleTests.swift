import Foundation
import HummingbirdTesting
import HummingbirdWSClient
import HummingbirdWSTesting
import Testing
import UnknotCore
import UnknotDemoStations
import UnknotSimulation
import UnknotStation

/// The station serves its console itself (issue #15): the tablet under the face cradle talks to
/// its own station, so the session carries on with the studio unreachable; without it, the
/// session pauses as for a lost console.
@Suite("Station link: the station's own console")
struct StationConsoleTests {
    static let key = "table-one-key"

    @Test(
        "the station's console works with the studio gone: the session goes on, that hurts eases off; without it, it pauses"
    )
    func consoleWithoutTheStudio() async throws {
        try await TestStudio.run(.sqlite, .live, demoStations: false) { _, client in
            let t = try await client.tokens()
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("unknot-console-\(UUID())")
            defer { try? FileManager.default.removeItem(at: directory) }
            let runtime = try StationRuntime<SimulatedStation>(
                name: "bench unit 7", directory: directory, software: "console test",
                plan: DemoStation.planner(catalog: try ProgramCatalog.bundled()))
            let link = try await BookingReconciliationTests.link(runtime, as: 1, client, admin: t.admin) {
                await Self.linked(runtime)
            }
            // A demo from the studio: the station runs it.
            let session = try LiveSessionTests.session(
                from: try await client.form("/demo", token: t.cleo, TestStudio.allWell))
            // The studio's answer may come before its `run` frame reaches the station.
            let taken = try await client.eventually { _ in
                await runtime.running?.session.uuidString.lowercased() == session
            }
            #expect(taken)

            let console = try StationConsole.application(
                runtime: runtime, key: Self.key, hostname: "127.0.0.1", port: 0, logger: TestStudio.logger)
            try await console.test(.live) { tablet in
                #expect(try await tablet.page("/?key=wrong", token: nil).status == .forbidden)
                #expect(try await tablet.page("/", token: nil).status == .forbidden)
                let page = try await tablet.page("/?key=\(Self.key)", token: nil)
                #expect(page.status == .ok, "\(page.status)")
                #expect(page.text.contains(#"data-socket="/live?key=\#(Self.key)""#) && page.text.contains(session))
                #expect(page.text.contains("a simulated station"))
                // The station is named as the studio names it (its welcome says), not by its own label.
                #expect(page.text.contains("Station 1") && !page.text.contains("bench unit 7"))
                #expect(try await tablet.page("/static/console.js", token: nil).status == .ok)
                // Another site's page may not open the console, nor anyone without the key.
                var foreign = WebSocketClientConfiguration()
                foreign.additionalHeaders[.origin] = "http://elsewhere.example"
                await #expect(throws: (any Error).self) {
                    try await tablet.ws("/live?key=\(Self.key)", configuration: foreign) { _, _, _ in }
                }
                await #expect(throws: (any Error).self) {
                    try await tablet.ws("/live?key=nope") { _, _, _ in }
                }

                try await tablet.ws("/live?key=\(Self.key)") { inbound, outbound, _ in
                    let feed = ConsoleFeed()
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        group.addTask {
                            for try await message in inbound.messages(maxSize: 1 << 20) {
                                if case .text(let text) = message { await feed.add(text) }
                            }
                        }
                        // The studio goes away: the station carries on with its own console.
                        link.cancel()
                        let unlinked = await Self.run(runtime, until: { !(await Self.linked(runtime)) })
                        #expect(unlinked)
                        let working = await Self.run(
                            runtime, until: { await feed.lastStatus?.state == "working" }, limit: 60_000)
                        let seen = await feed.lastStatus
                        #expect(working, "\(String(describing: seen))")
                        let before = await feed.lastStatus?.time ?? 0
                        #expect(
                            await Self.run(runtime, until: { (await feed.lastStatus?.time ?? 0) >= before + 5_000 }))
                        #expect(await feed.lastStatus?.state == "working", "no pause with the station's console there")
                        try await outbound.write(.text(#"{"control":"that-hurts"}"#))
                        let eased = await Self.run(
                            runtime, until: { await feed.messages.contains { $0.hasPrefix("Easing off") } })
                        let said = await feed.messages.suffix(3)
                        #expect(eased, "\(said)")
                        group.cancelAll()
                    }
                }
                // The tablet is gone too: nothing is there for the client, and the session pauses.
                let paused = await Self.run(
                    runtime,
                    until: {
                        let consoles = await runtime.localConsoleCount
                        let state = await runtime.report().session?.console.state
                        return consoles == 0 && state == "paused"
                    }, limit: 20_000)
                #expect(paused)
            }
        }
    }

    static func linked(_ runtime: StationRuntime<SimulatedStation>) async -> Bool {
        if case .connected? = await runtime.linkState { return true }
        return false
    }

    /// Runs the station's time in steps of 100 ms until `condition` holds (at most `limit` ms);
    /// real time passes a little between steps for the sockets to deliver.
    static func run(
        _ runtime: StationRuntime<SimulatedStation>, until condition: () async -> Bool, limit: Int = 30_000
    ) async -> Bool {
        var passed = 0
        while passed < limit {
            if await condition() { return true }
            await runtime.advance(milliseconds: 100)
            try? await Task.sleep(for: .milliseconds(2))
            passed += 100
        }
        return await condition()
    }
}
