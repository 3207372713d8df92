import Foundation
import HTTPTypes
import Testing

@Suite("API: care plans")
struct CarePlanAPITests {
    @Test("every change is a new version; the earlier ones stay readable", arguments: TestStore.available)
    func versions(store: TestStore) async throws {
        try await TestStudio.run(store) { _, client in
            let t = try await client.tokens()
            #expect(try await client.call(.get, "/api/me/care-plan", token: t.cleo).isProblem(.notFound))
            let first = try await client.call(
                .put, "/api/me/care-plan", token: t.cleo,
                json: ["schemaVersion": 1, "focusAreas": ["neck"], "painLimit": 6])
            #expect(first.status == .created, "\(first.detail)")
            #expect(first.int("version") == 1)
            let second = try await client.call(
                .put, "/api/me/care-plan", token: t.cleo,
                json: ["schemaVersion": 1, "avoidAreas": ["left-calf"], "staffMayBeAlerted": true])
            #expect(second.int("version") == 2)
            let current = try await client.call(.get, "/api/me/care-plan", token: t.cleo)
            #expect(current.int("version") == 2)
            let plan = current.object["plan"] as? [String: Any]
            #expect(plan?["avoidAreas"] as? [String] == ["left calves"])
            let list = try await client.call(.get, "/api/me/care-plan/versions", token: t.cleo)
            #expect(list.array.compactMap { $0["version"] as? Int } == [2, 1])
            let old = try await client.call(.get, "/api/me/care-plan/versions/1", token: t.cleo)
            #expect((old.object["plan"] as? [String: Any])?["focusAreas"] as? [String] == ["neck"])
            #expect(try await client.call(.get, "/api/me/care-plan/versions/9", token: t.cleo).isProblem(.notFound))
            // Dan has his own (none).
            #expect(try await client.call(.get, "/api/me/care-plan", token: t.dan).isProblem(.notFound))
        }
    }

    @Test("a wrong care plan names every problem and saves nothing", arguments: TestStore.available)
    func problems(store: TestStore) async throws {
        try await TestStudio.run(store) { _, client in
            let t = try await client.tokens()
            let reply = try await client.call(
                .put, "/api/me/care-plan", token: t.cleo,
                json: ["schemaVersion": 1, "focusArea": ["neck"], "painLimit": 12])
            #expect(reply.isProblem(.unprocessableContent), "\(reply.detail)")
            let problems = (reply.object["problems"] as? [[String: Any]]) ?? []
            let fields = problems.compactMap { $0["field"] as? String }
            #expect(fields.contains("focusArea"))
            #expect(problems.contains { ($0["message"] as? String)?.contains("focusAreas") == true })
            #expect(try await client.call(.get, "/api/me/care-plan", token: t.cleo).isProblem(.notFound))
        }
    }

    @Test("every problem is named at once, a missing version among them", arguments: TestStore.available)
    func allProblemsAtOnce(store: TestStore) async throws {
        try await TestStudio.run(store) { _, client in
            let t = try await client.tokens()
            let reply = try await client.call(
                .put, "/api/me/care-plan", token: t.cleo,
                json: ["schemaVersion": 1, "painLimit": 11, "focusAreas": ["elbows"], "ifICry": ""])
            #expect(reply.isProblem(.unprocessableContent), "\(reply.detail)")
            let problems = (reply.object["problems"] as? [[String: Any]]) ?? []
            #expect(problems.compactMap { $0["field"] as? String } == ["focusAreas[0]", "painLimit", "ifICry"])
            #expect(problems.contains { ($0["message"] as? String)?.contains("pause-and-offer-tissue") == true })
            let unversioned = try await client.call(.put, "/api/me/care-plan", token: t.cleo, json: ["painLimit": 9])
            let fields = ((unversioned.object["problems"] as? [[String: Any]]) ?? []).compactMap {
                $0["field"] as? String
            }
            #expect(Set(fields) == ["schemaVersion", "painLimit"], "\(unversioned.detail)")
        }
    }

    @Test("care plans are a client's; staff cannot write one, strangers get 401", arguments: TestStore.available)
    func roles(store: TestStore) async throws {
        try await TestStudio.run(store) { _, client in
            let t = try await client.tokens()
            let plan: [String: Any] = ["schemaVersion": 1]
            #expect(try await client.call(.put, "/api/me/care-plan", json: plan).isProblem(.unauthorized))
            #expect(try await client.call(.put, "/api/me/care-plan", token: t.staff, json: plan).isProblem(.forbidden))
            #expect(try await client.call(.put, "/api/me/care-plan", token: t.admin, json: plan).isProblem(.forbidden))
        }
    }
}
