import Foundation
import HummingbirdTesting
import Testing
import UnknotCore
import UnknotSession

/// A session says plainly what it ran on, and a simulated body never changes a real client's care
/// plan; a record that ends early leaves its booking interrupted, not completed.
@Suite("Records: what a session ran on, and how it ended")
struct HonestRecordTests {
    static let hardwareArm = RobotIdentity(
        model: "UR5e", serial: "20235500123", simulated: false, maximumForce: 60, maximumSpeed: 20,
        watchdogMilliseconds: 20)

    /// Books a session for Tuesday 10:00 (from the test's Monday); returns its id.
    static func book(_ client: any TestClientProtocol, token: String, station: Int) async throws -> String {
        _ = try await client.call(.put, "/api/me/care-plan", token: token, json: ["schemaVersion": 1])
        let booked = try await client.book(
            token, program: "neck-jaw-shoulders", start: "\(TestStudio.day(after: 1))T10:00", station: station)
        return try #require(booked.string("id"), "\(booked.detail)")
    }

    /// Moves the clock to Tuesday 09:55 and starts the sessions (staff, as at the desk).
    static func start(_ ids: [String], _ client: any TestClientProtocol, _ studio: TestStudio, staff: String)
        async throws
    {
        studio.clock.set(TestStudio.monday.addingTimeInterval(86_400 + 115 * 60))
        for id in ids {
            try await client.answerToday(id, token: staff)
            // An empty JSON body: the live test client sends a body even when given none.
            let started = try await client.call(
                .post, "/api/bookings/\(id)/start", token: staff, json: [String: Any]())
            #expect(started.status == .ok, "\(started.detail)")
        }
    }

    /// The index of the first suggestion the report offers to accept.
    static func firstOffered(_ report: Reply) -> Int? {
        report.text.firstMatch(of: #/suggestions/(\d+)" class="inline">/#).flatMap { Int($0.1) }
    }

    @Test(
        "a simulated station's record says so on the API and the report, and its suggestions are refused; a hardware arm's are offered",
        arguments: TestStore.available)
    func simulatedSuggestsNothing(store: TestStore) async throws {
        let simulated = try RecordedSession.make(program: "neck-jaw-shoulders")
        let hardware = try RecordedSession.make(program: "neck-jaw-shoulders", robot: Self.hardwareArm)
        try await TestStudio.run(store) { studio, client in
            let t = try await client.tokens()
            let first = try await Self.book(client, token: t.cleo, station: 1)
            let second = try await Self.book(client, token: t.dan, station: 2)
            try await Self.start([first, second], client, studio, staff: t.staff)
            #expect(try await RecordAPITests.upload(client, first, token: t.staff, simulated).status == .created)
            #expect(try await RecordAPITests.upload(client, second, token: t.staff, hardware).status == .created)

            let simulatedInfo = try await client.call(.get, "/api/bookings/\(first)/record", token: t.cleo)
            #expect(simulatedInfo.object["simulated"] as? Bool == true, "\(simulatedInfo.detail)")
            #expect(simulatedInfo.string("ranOn") == "a simulated arm and body (seed 11)")
            let report = try await client.page("/sessions/\(first)/report", token: t.cleo)
            #expect(
                report.text.contains(#"id="simulated""#) && report.text.contains("a simulated arm and body (seed 11)"))
            #expect(!report.text.contains("Accept:"), "a simulated body's suggestion must not be offered")
            // Refused even when asked for directly, and the care plan stays as it was.
            let before = try await client.call(.get, "/api/me/care-plan", token: t.cleo)
            let accept = try await client.form(
                "/sessions/\(first)/suggestions/0", token: t.cleo, [("decision", "accept")])
            #expect(accept.status == .unprocessableContent && accept.text.contains("simulated"), "\(accept.status)")
            let after = try await client.call(.get, "/api/me/care-plan", token: t.cleo)
            #expect(after.int("version") == before.int("version"))

            let hardwareInfo = try await client.call(.get, "/api/bookings/\(second)/record", token: t.dan)
            #expect(hardwareInfo.object["simulated"] as? Bool == false, "\(hardwareInfo.detail)")
            #expect(hardwareInfo.string("ranOn") == "UR5e, serial 20235500123")
            let real = try await client.page("/sessions/\(second)/report", token: t.dan)
            #expect(!real.text.contains(#"id="simulated""#))
            #expect(real.text.contains("Accept:"), "a hardware session's suggestions are the client's to accept")
            let danBefore = try await client.call(.get, "/api/me/care-plan", token: t.dan)
            let offered = try #require(Self.firstOffered(real))
            let accepted = try await client.form(
                "/sessions/\(second)/suggestions/\(offered)", token: t.dan, [("decision", "accept")])
            #expect(accepted.status == .seeOther, "\(accepted.status) \(accepted.text.prefix(300))")
            let danAfter = try await client.call(.get, "/api/me/care-plan", token: t.dan)
            #expect((danAfter.int("version") ?? 0) == (danBefore.int("version") ?? 0) + 1, "\(danAfter.detail)")
        }
    }

    @Test(
        "a record that ends early leaves its booking interrupted; the whole record, sent again, completes it",
        arguments: TestStore.available)
    func interruptedRecord(store: TestStore) async throws {
        let cut = try RecordedSession.make(program: "neck-jaw-shoulders", finished: false)
        let whole = try RecordedSession.make(program: "neck-jaw-shoulders")
        try await TestStudio.run(store) { studio, client in
            let t = try await client.tokens()
            let id = try await Self.book(client, token: t.cleo, station: 1)
            try await Self.start([id], client, studio, staff: t.staff)
            let stored = try await RecordAPITests.upload(client, id, token: t.staff, cut)
            #expect(stored.status == .created && stored.object["complete"] as? Bool == false, "\(stored.detail)")
            #expect(try await client.call(.get, "/api/bookings/\(id)", token: t.cleo).string("status") == "interrupted")
            let page = try await client.page("/bookings/\(id)", token: t.cleo)
            #expect(page.text.contains("interrupted"))
            #expect(try await RecordAPITests.upload(client, id, token: t.staff, whole).status == .created)
            #expect(try await client.call(.get, "/api/bookings/\(id)", token: t.cleo).string("status") == "completed")
        }
    }
}
