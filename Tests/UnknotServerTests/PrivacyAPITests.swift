import Foundation
import HTTPTypes
import Testing

@Suite("API: export and deletion")
struct PrivacyAPITests {
    @Test("export holds everything; deletion removes it and frees the slots", arguments: TestStore.available)
    func exportAndDelete(store: TestStore) async throws {
        try await TestStudio.run(store) { studio, client in
            let t = try await client.tokens()
            _ = try await client.call(.put, "/api/me/care-plan", token: t.cleo, json: ["schemaVersion": 1])
            _ = try await client.call(
                .put, "/api/me/care-plan", token: t.cleo, json: ["schemaVersion": 1, "focusAreas": ["neck"]])
            let booked = try await client.book(t.cleo, start: "2026-11-24T10:00", station: 1)
            #expect(booked.status == .created)
            studio.clock.set(TestStudio.monday.addingTimeInterval(150 * 60))  // Monday 10:30, a day before
            try await client.answerToday(try #require(booked.string("id")), token: t.cleo, ["painMedication": true])
            let export = try await client.call(.get, "/api/me/export", token: t.cleo)
            #expect((export.object["account"] as? [String: Any])?["email"] as? String == "cleo@test.example")
            #expect((export.object["carePlans"] as? [Any])?.count == 2)
            #expect((export.object["bookings"] as? [Any])?.count == 1)
            let day = (export.object["dayAnswers"] as? [[String: Any]])?.first
            #expect((day?["answers"] as? [String: Any])?["painMedication"] as? Bool == true, "\(export.text)")
            #expect(!export.text.contains("password"))

            let wrong = try await client.call(.delete, "/api/me", token: t.cleo, json: ["password": "not it at all"])
            #expect(wrong.isProblem(.unauthorized, field: "password"))
            #expect(try await client.call(.get, "/api/me", token: t.cleo).status == .ok)

            let gone = try await client.call(.delete, "/api/me", token: t.cleo, json: ["password": TestStudio.password])
            #expect(gone.status == .noContent, "\(gone.detail)")
            #expect(try await client.call(.get, "/api/me", token: t.cleo).isProblem(.unauthorized))
            let login = try await client.call(
                .post, "/api/auth/login", json: ["email": "cleo@test.example", "password": TestStudio.password])
            #expect(login.isProblem(.unauthorized))
            let all = try await client.call(.get, "/api/bookings?from=2026-11-24&to=2026-11-24", token: t.staff)
            #expect(all.array.isEmpty)
            #expect(try await client.book(t.dan, start: "2026-11-24T10:00", station: 1).status == .created)
        }
    }
}
