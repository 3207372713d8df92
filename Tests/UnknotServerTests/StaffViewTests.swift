import Foundation
import HTTPTypes
import Testing

/// What staff see of a client who allowed staff alerts: every staff-facing endpoint and page,
/// after a session with digestive noises, sighs and relaxation, shows no digestive noise, and
/// the alerts are only what the client allowed (pain again or rated 8 or more, a call for a
/// person) and station faults.
@Suite("Staff views show only what the client allowed")
struct StaffViewTests {
    /// The kinds of staff alert the engine emits; nothing else is an alert.
    static let alertKinds = ["persistent-pain", "station-fault", "client-asks-for-staff"]

    static func isAlert(_ reaction: String?) -> Bool {
        alertKinds.contains { reaction?.hasPrefix($0 + ":") == true }
    }

    @Test("no digestive noise on any staff view; alerts only the allowed ones", arguments: TestStore.available)
    func staffViews(store: TestStore) async throws {
        let record = try RecordedSession.make(
            persona: "rumbly-stomach", program: "neck-jaw-shoulders", staffMayBeAlerted: true)
        #expect(String(decoding: record, as: UTF8.self).contains("digestive-noise"), "the fixture must have some")
        try await TestStudio.run(store) { studio, client in
            let t = try await client.tokens()
            _ = try await client.call(
                .put, "/api/me/care-plan", token: t.cleo, json: ["schemaVersion": 1, "staffMayBeAlerted": true])
            let booked = try await client.book(t.cleo, program: "neck-jaw-shoulders", start: "2026-11-24T10:00")
            let id = try #require(booked.string("id"), "\(booked.detail)").lowercased()
            studio.clock.set(TestStudio.monday.addingTimeInterval(86_400 + 115 * 60))  // Tuesday 09:55
            #expect(try await client.call(.post, "/api/bookings/\(id)/start", token: t.staff).status == .ok)
            let stored = try await RecordAPITests.upload(client, id, token: t.staff, record)
            #expect(stored.status == .created, "\(stored.detail)")

            // The client's own views keep everything.
            let own = try await client.call(.get, "/api/bookings/\(id)/record.jsonl", token: t.cleo)
            #expect(own.text.contains("digestive-noise"))

            let day = "from=2026-11-24&to=2026-11-24"
            var seen: [(String, String)] = []
            for path in [
                "/api/bookings/\(id)/record", "/api/bookings/\(id)/record.jsonl", "/api/alerts?\(day)",
                "/api/bookings?\(day)", "/api/bookings/\(id)",
            ] {
                let reply = try await client.call(.get, path, token: t.staff)
                #expect(reply.status == .ok, "\(path): \(reply.detail)")
                seen.append((path, reply.text))
            }
            for path in ["/staff", "/sessions/\(id)/report"] {
                let reply = try await client.page(path, token: t.staff)
                #expect(reply.status == .ok, "\(path): \(reply.status)")
                seen.append((path, reply.text))
            }
            for (path, text) in seen {
                #expect(!text.lowercased().contains("digestive"), "\(path) shows a digestive noise")
                #expect(!text.contains("stomach-rumble") && !text.contains("flatulence"), "\(path)")
            }
            let alerts = try await client.call(.get, "/api/alerts?\(day)", token: t.staff)
            #expect(alerts.array.allSatisfy { Self.isAlert($0["reaction"] as? String) }, "\(alerts.text)")
            #expect(!alerts.text.contains("\"sigh\"") && !alerts.text.contains("relaxation"), "\(alerts.text)")
            // The staff report page is there and says what happened otherwise.
            let report = try await client.page("/sessions/\(id)/report", token: t.staff)
            #expect(report.status == .ok && report.text.contains("Reactions acted on"), "\(report.status)")
        }
    }
}
