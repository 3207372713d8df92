import Foundation
import HTTPTypes
import Testing

@Suite("API: stations")
struct StationAPITests {
    @Test("staff see and switch stations; an admin adds and shapes them", arguments: TestStore.available)
    func roles(store: TestStore) async throws {
        try await TestStudio.run(store) { _, client in
            let t = try await client.tokens()
            #expect(try await client.call(.get, "/api/stations").isProblem(.unauthorized))
            #expect(try await client.call(.get, "/api/stations", token: t.cleo).isProblem(.forbidden))
            let list = try await client.call(.get, "/api/stations", token: t.staff)
            #expect(list.array.count == 2)
            #expect(list.array.first?["cleaningBufferMinutes"] as? Int == 10)
            #expect((list.array.first?["hours"] as? [[String]])?.first == ["09:00-20:00"])

            let new: [String: Any] = [
                "name": "Table 3", "cleaningBufferMinutes": 15,
                "hours": [["10:00-18:00"], ["10:00-18:00"], [], [], [], [], []],
            ]
            #expect(try await client.call(.post, "/api/stations", token: t.staff, json: new).isProblem(.forbidden))
            let made = try await client.call(.post, "/api/stations", token: t.admin, json: new)
            #expect(made.status == .created, "\(made.detail)")
            #expect(made.int("id") == 3)
            let badHours = try await client.call(
                .post, "/api/stations", token: t.admin, json: ["name": "T4", "hours": [["20:00-09:00"]]])
            #expect(badHours.isProblem(.unprocessableContent, field: "hours"), "\(badHours.detail)")
            let badBuffer = try await client.call(
                .post, "/api/stations", token: t.admin, json: ["name": "T4", "cleaningBufferMinutes": 7])
            #expect(badBuffer.isProblem(.unprocessableContent, field: "cleaningBufferMinutes"), "\(badBuffer.detail)")

            let out = try await client.call(.patch, "/api/stations/1", token: t.staff, json: ["status": "maintenance"])
            #expect(out.string("status") == "maintenance")
            #expect(
                try await client.call(.patch, "/api/stations/1", token: t.staff, json: ["name": "Renamed"])
                    .isProblem(.forbidden))
            #expect(
                try await client.call(.patch, "/api/stations/1", token: t.admin, json: ["name": "Renamed"]).string(
                    "name")
                    == "Renamed")
            #expect(
                try await client.call(.patch, "/api/stations/99", token: t.admin, json: ["name": "X"])
                    .isProblem(.notFound))

            // A station in maintenance is not offered.
            let search = try await client.call(
                .get, "/api/availability?program=total-back&minutes=30&from=2026-11-24&to=2026-11-24")
            let stations = Set(
                ((search.object["slots"] as? [[String: Any]]) ?? []).compactMap { $0["stationId"] as? Int })
            #expect(stations == [2, 3])
        }
    }
}
