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
            try await client.answerToday(id, token: t.staff)
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

    @Test(
        "a session's start shows staff the care plan only if the client lets staff be told, never its health answers",
        arguments: TestStore.available)
    func carePlanAtStart(store: TestStore) async throws {
        try await TestStudio.run(store) { studio, client in
            let t = try await client.tokens()
            var bookings: [(Bool, String, String)] = []
            for (allowed, account) in [(false, t.cleo), (true, t.dan)] {
                _ = try await client.call(
                    .put, "/api/me/care-plan", token: account,
                    json: [
                        "schemaVersion": 1, "staffMayBeAlerted": allowed, "avoidAreas": ["neck"],
                        "health": ["bloodThinners": true],
                    ])
                let booked = try await client.book(account, program: "total-back", start: "2026-11-24T10:00")
                bookings.append((allowed, try #require(booked.string("id"), "\(booked.detail)"), account))
            }
            studio.clock.set(TestStudio.monday.addingTimeInterval(86_400 + 115 * 60))  // Tuesday 09:55
            for (allowed, id, account) in bookings {
                try await client.answerToday(id, token: account, ["painMedication": true, "muscleRelaxants": true])
                let started = try await client.call(.post, "/api/bookings/\(id)/start", token: t.staff)
                #expect(started.status == .ok, "\(started.detail)")
                #expect(started.int("carePlanVersion") == 1)
                let plan = (started.object["carePlan"] as? [String: Any])?["plan"] as? [String: Any]
                if allowed {
                    #expect(plan?["avoidAreas"] as? [String] == ["neck"], "\(started.text)")
                    #expect(plan?["health"] == nil, "staff saw the health answers: \(started.text)")
                } else {
                    #expect(started.object["carePlan"] == nil, "staff saw a plan the client kept from them")
                }
                #expect(!started.text.contains("painMedication") && !started.text.contains("bloodThinners"))
            }
            // The client starting their own session sees all of it, the day's answers in its health.
            let own = try await client.book(t.cleo, program: "total-back", start: "2026-11-24T11:00")
            let ownID = try #require(own.string("id"))
            studio.clock.set(TestStudio.monday.addingTimeInterval(86_400 + 175 * 60))  // Tuesday 10:55
            let today: [String: Any] = [
                "fever": false, "acuteInfection": false, "painMedication": true, "muscleRelaxants": false,
            ]
            let started = try await client.call(
                .post, "/api/bookings/\(ownID)/start", token: t.cleo, json: ["today": today])
            let plan = (started.object["carePlan"] as? [String: Any])?["plan"] as? [String: Any]
            let health = plan?["health"] as? [String: Any]
            #expect(health?["painMedication"] as? Bool == true, "\(started.detail)")
            #expect(health?["bloodThinners"] as? Bool == true, "\(started.detail)")
        }
    }

    @Test("the staff floor shows a client's live heart rate only if the client lets staff be told")
    func heartRateOnTheFloor() async throws {
        try await TestStudio.run(.sqlite, .live) { studio, client in
            let t = try await client.tokens()
            _ = try await client.call(
                .put, "/api/me/care-plan", token: t.dan, json: ["schemaVersion": 1, "staffMayBeAlerted": true])
            let cleo = try LiveSessionTests.session(
                from: try await client.form("/demo", token: t.cleo, TestStudio.allWell))
            let dan = try LiveSessionTests.session(
                from: try await client.form("/demo", token: t.dan, TestStudio.allWell))
            try await client.console(dan, token: t.dan) { danFeed, _ in
                try await client.console(cleo, token: t.cleo) { cleoFeed, _ in
                    #expect(
                        await studio.advance(
                            until: {
                                let cleoRate = await cleoFeed.lastStatus?.heartRate ?? 0
                                let danRate = await danFeed.lastStatus?.heartRate ?? 0
                                return cleoRate > 0 && danRate > 0
                            }, limit: 60_000))
                    let floor = try await client.page("/staff", token: t.staff).text
                    let cards = floor.components(separatedBy: "live-state")
                    let danCard = cards.first { $0.contains("Dan") } ?? ""
                    let cleoCard = cards.first { $0.contains("Cleo") } ?? ""
                    #expect(danCard.contains(" bpm"), "Dan allowed it: \(danCard.prefix(400))")
                    #expect(!cleoCard.contains(" bpm") && !cleoCard.contains("heart"), "\(cleoCard.prefix(400))")
                }
            }
        }
    }
}
