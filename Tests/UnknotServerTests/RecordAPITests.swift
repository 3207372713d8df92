import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@Suite("API: sessions and their records")
struct RecordAPITests {
    static func upload(_ client: any TestClientProtocol, _ id: String, token: String, _ data: Data) async throws
        -> Reply
    {
        var headers = HTTPFields()
        headers[.authorization] = "Bearer \(token)"
        headers[.contentType] = "application/x-ndjson"
        let response = try await client.executeRequest(
            uri: "/api/bookings/\(id)/record", method: .put, headers: headers, body: ByteBuffer(data: data))
        return Reply(status: response.status, headers: response.headers, data: Data(buffer: response.body))
    }

    @Test(
        "the day's questions: not in the care plan; a start waits for them; a fever today refuses it naming health.fever and may be cancelled past the cut-off; staff never read them",
        arguments: TestStore.available)
    func feverAtStart(store: TestStore) async throws {
        try await TestStudio.run(store) { studio, client in
            let t = try await client.tokens()
            _ = try await client.call(.put, "/api/me/care-plan", token: t.cleo, json: ["schemaVersion": 1])
            // A care plan does not keep how one is today: refused, naming the field and where it goes.
            let inPlan = try await client.call(
                .put, "/api/me/care-plan", token: t.cleo, json: ["schemaVersion": 1, "health": ["fever": true]])
            #expect(inPlan.isProblem(.unprocessableContent, field: "health.fever"), "\(inPlan.detail)")
            #expect(inPlan.detail.contains("/today"), "\(inPlan.detail)")
            let booked = try await client.book(t.cleo, program: "neck-jaw-shoulders", start: "2026-11-24T10:00")
            let id = try #require(booked.string("id"), "\(booked.detail)")
            let dans = try await client.book(t.dan, program: "neck-jaw-shoulders", start: "2026-11-24T11:00")
            let dansID = try #require(dans.string("id"), "\(dans.detail)")
            let no: [String: Any] = [
                "fever": false, "acuteInfection": false, "painMedication": false, "muscleRelaxants": false,
            ]
            // Monday 08:00: more than a day ahead, too early to say how one is that day.
            let early = try await client.call(.put, "/api/bookings/\(id)/today", token: t.cleo, json: no)
            #expect(early.isProblem(.unprocessableContent, field: "today"), "\(early.detail)")
            studio.clock.set(TestStudio.monday.addingTimeInterval(86_400 + 115 * 60))  // Tuesday 09:55
            for token in [t.staff, t.cleo] {
                let start = try await client.call(.post, "/api/bookings/\(id)/start", token: token)
                #expect(start.isProblem(.unprocessableContent, field: "today"), "\(start.detail)")
            }
            try await client.answerToday(id, token: t.cleo, ["fever": true])
            let mine = try await client.call(.get, "/api/bookings/\(id)/today", token: t.cleo)
            let refusals = mine.object["refusals"] as? [[String: Any]] ?? []
            #expect(refusals.first?["field"] as? String == "health.fever", "\(mine.text)")
            #expect(try await client.call(.get, "/api/bookings/\(id)/today", token: t.staff).isProblem(.forbidden))
            for token in [t.staff, t.cleo] {
                let start = try await client.call(.post, "/api/bookings/\(id)/start", token: token)
                #expect(start.isProblem(.unprocessableContent, field: "health.fever"), "\(start.detail)")
            }
            let after = try await client.call(.get, "/api/bookings/\(id)", token: t.cleo)
            #expect(after.string("status") == "booked")
            #expect(after.int("carePlanVersion") == 1, "as booked, nothing pinned: \(after.detail)")
            // Well after all: answered again, the session starts (the answers in the start's body).
            let started = try await client.call(.post, "/api/bookings/\(id)/start", token: t.cleo, json: ["today": no])
            #expect(started.status == .ok, "\(started.detail)")
            // Dan is past the 24-hour cut-off: no cancelling, until a fever today rules the session out.
            #expect(
                try await client.call(.post, "/api/bookings/\(dansID)/cancel", token: t.dan).isProblem(
                    .unprocessableContent))
            try await client.answerToday(dansID, token: t.dan, ["acuteInfection": true])
            let cancelled = try await client.call(.post, "/api/bookings/\(dansID)/cancel", token: t.dan)
            #expect(cancelled.status == .ok && cancelled.string("status") == "cancelled", "\(cancelled.detail)")
        }
    }

    @Test(
        "start pins the care plan; the record is stored, served to its client, to staff only if allowed",
        arguments: TestStore.available)
    func recordFlow(store: TestStore) async throws {
        let record = try RecordedSession.make(program: "neck-jaw-shoulders")
        try await TestStudio.run(store) { studio, client in
            let t = try await client.tokens()
            _ = try await client.call(.put, "/api/me/care-plan", token: t.cleo, json: ["schemaVersion": 1])
            let booked = try await client.book(t.cleo, program: "neck-jaw-shoulders", start: "2026-11-24T10:00")
            let id = try #require(booked.string("id"), "\(booked.detail)")
            let other = try await client.book(t.cleo, program: "total-back", start: "2026-11-24T12:00")
            let otherID = try #require(other.string("id"))

            #expect(
                try await client.call(.post, "/api/bookings/\(id)/start", token: t.staff).isProblem(
                    .unprocessableContent))
            studio.clock.set(TestStudio.monday.addingTimeInterval(86_400 + 115 * 60))  // Tuesday 09:55
            #expect(try await client.call(.post, "/api/bookings/\(id)/start", token: t.dan).isProblem(.notFound))
            try await client.answerToday(id, token: t.staff)
            let started = try await client.call(.post, "/api/bookings/\(id)/start", token: t.staff)
            #expect(started.status == .ok, "\(started.detail)")
            #expect(started.int("carePlanVersion") == 1)
            #expect(started.object["carePlan"] == nil, "the client did not let staff be told: no plan for staff")
            // A change now does not change the session under way.
            _ = try await client.call(
                .put, "/api/me/care-plan", token: t.cleo, json: ["schemaVersion": 1, "avoidAreas": ["neck"]])
            let during = try await client.call(.get, "/api/bookings/\(id)", token: t.cleo)
            #expect(during.int("carePlanVersion") == 1)
            #expect(during.string("status") == "in-progress")

            // A client may not send a record: refused (413 when it is over the 1 MiB clients may send).
            let byClient = try await Self.upload(client, id, token: t.cleo, record)
            #expect(byClient.isProblem(.forbidden) || byClient.isProblem(.contentTooLarge), "\(byClient.status)")
            let garbage = try await Self.upload(client, id, token: t.staff, Data("not a record\n".utf8))
            #expect(garbage.isProblem(.unprocessableContent, field: "record"), "\(garbage.detail)")
            let mismatch = try await Self.upload(client, otherID, token: t.staff, record)
            #expect(mismatch.isProblem(.unprocessableContent, field: "record"), "\(mismatch.detail)")
            let stored = try await Self.upload(client, id, token: t.staff, record)
            #expect(stored.status == .created, "\(stored.detail)")
            #expect(stored.object["complete"] as? Bool == true)
            #expect((stored.int("events") ?? 0) > 10)

            let done = try await client.call(.get, "/api/bookings/\(id)", token: t.cleo)
            #expect(done.string("status") == "completed")
            #expect(done.object["hasRecord"] as? Bool == true)
            let mine = try await client.call(.get, "/api/bookings/\(id)/record", token: t.cleo)
            #expect(mine.status == .ok)
            #expect(((mine.object["report"] as? [String]) ?? []).first?.contains("30 min") == true, "\(mine.text)")
            let file = try await client.call(.get, "/api/bookings/\(id)/record.jsonl", token: t.cleo)
            let same = file.data == record  // a Bool: a failing Data comparison is diffed byte by byte, for ages
            #expect(same, "the stored record has \(file.data.count) bytes, the sent one \(record.count)")
            #expect(try await client.call(.get, "/api/bookings/\(id)/record", token: t.dan).isProblem(.notFound))

            // Staff: not without the client's consent; with it, the record and the alerts.
            #expect(try await client.call(.get, "/api/bookings/\(id)/record", token: t.staff).isProblem(.forbidden))
            let hidden = try await client.call(.get, "/api/alerts?from=2026-11-24&to=2026-11-24", token: t.staff)
            #expect(hidden.array.allSatisfy { ($0["reaction"] as? String)?.hasPrefix("stationFault") == true })
            #expect(
                try await client.call(.get, "/api/alerts?from=2026-11-24&to=2026-11-24", token: t.cleo).isProblem(
                    .forbidden))
            _ = try await client.call(
                .put, "/api/me/care-plan", token: t.cleo, json: ["schemaVersion": 1, "staffMayBeAlerted": true])
            #expect(try await client.call(.get, "/api/bookings/\(id)/record", token: t.staff).status == .ok)
            let alerts = try await client.call(.get, "/api/alerts?from=2026-11-24&to=2026-11-24", token: t.staff)
            // Alerts are the engine's alerts only, never a reaction as such (docs/care-policy.md).
            #expect(alerts.array.allSatisfy { StaffViewTests.isAlert($0["reaction"] as? String) }, "\(alerts.text)")
            #expect(alerts.array.allSatisfy { $0["clientName"] as? String == "Cleo Client" })
        }
    }
}
