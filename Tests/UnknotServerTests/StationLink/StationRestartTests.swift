import Foundation
import HummingbirdTesting
import Testing
import UnknotCore
import UnknotDemoStations
import UnknotSimulation
import UnknotStation

/// A station that dies mid-session (issue #15): when it starts again it reports the session
/// interrupted and delivers its record as it is, and the booking says so — never "in progress"
/// for good, never "completed".
@Suite("Station link: a station restarted mid-session")
struct StationRestartTests {
    @Test("a station killed mid-session and started again: its record arrives cut short, the booking is interrupted")
    func interruptedBooking() async throws {
        try await TestStudio.run(.sqlite, .live, demoStations: false) { studio, client in
            let t = try await client.tokens()
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("unknot-restart-\(UUID())")
            defer { try? FileManager.default.removeItem(at: folder) }
            let catalog = try ProgramCatalog.bundled()
            let booking = try await HonestRecordTests.book(client, token: t.cleo, station: 1)
            studio.clock.set(TestStudio.monday.addingTimeInterval(86_400 + 115 * 60))  // Tuesday 09:55
            do {
                let runtime = try StationRuntime<SimulatedStation>(
                    name: "Table 1", directory: folder, software: "restart test",
                    plan: DemoStation.planner(catalog: catalog))
                let link = try await BookingReconciliationTests.link(runtime, as: 1, client, admin: t.admin) {
                    await StationConsoleTests.linked(runtime)
                }
                try await client.answerToday(booking, token: t.cleo)
                let started = try await client.form("/bookings/\(booking)/start", token: t.cleo)
                #expect(started.location?.hasPrefix("/console/") == true, "\(started.status)")
                let taken = try await client.eventually { _ in
                    await runtime.running?.booking?.uuidString.lowercased() == booking
                }
                #expect(taken)
                for _ in 0..<50 { await runtime.advance(milliseconds: 100) }
                // The station's process dies: its link goes, nothing more is written.
                link.cancel()
            }
            #expect(try await BookingReconciliationTests.status(booking, client, token: t.cleo) == "in-progress")
            let restarted = try StationRuntime<SimulatedStation>(
                name: "Table 1", directory: folder, software: "restart test",
                plan: DemoStation.planner(catalog: catalog))
            let link = try await BookingReconciliationTests.link(restarted, as: 1, client, admin: t.admin) {
                await StationConsoleTests.linked(restarted)
            }
            defer { link.cancel() }
            let settled = try await client.eventually(within: 20) { _ in
                try await BookingReconciliationTests.status(booking, client, token: t.cleo) == "interrupted"
            }
            #expect(settled, "the booking says the session was interrupted")
            let record = try await client.call(.get, "/api/bookings/\(booking)/record", token: t.cleo)
            #expect(record.status == .ok && record.object["complete"] as? Bool == false, "\(record.detail)")
            // Delivered: the station let its copy go.
            let emptied = try await client.eventually(within: 20) { _ in await restarted.held.isEmpty }
            #expect(emptied)
        }
    }
}
