import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@Suite("API: health, metrics, the contract, bad requests")
struct SystemAPITests {
    @Test(
        "health and the contract answer without signing in; the metrics only to an admin",
        arguments: TestStore.available)
    func system(store: TestStore) async throws {
        try await TestStudio.run(store) { _, client in
            let health = try await client.call(.get, "/health")
            #expect(health.status == .ok)
            #expect(health.string("database") == store.rawValue)
            _ = try await client.call(.get, "/api/programs")
            let t = try await client.tokens()
            _ = try await client.book(t.cleo, start: "2026-11-24T10:00")
            let metrics = try await client.call(.get, "/metrics", token: t.admin)
            #expect(metrics.status == .ok)
            #expect(metrics.text.contains("hb_requests"), "\(metrics.text.prefix(300))")
            #expect(metrics.text.contains("unknot_bookings_total{outcome=\"booked\"}"), "\(metrics.text.prefix(600))")
            let contract = try await client.call(.get, "/openapi.yaml")
            #expect(contract.text.hasPrefix("openapi: 3.1.0"))
        }
    }

    @Test(
        "the metrics are closed to strangers and clients; the scraper's token opens them, a wrong one does not",
        arguments: TestStore.available)
    func metricsClosed(store: TestStore) async throws {
        try await TestStudio.run(store) { _, client in
            let t = try await client.tokens()
            let stranger = try await client.call(.get, "/metrics")
            #expect(stranger.status == .unauthorized)
            #expect(stranger.detail.contains("--metrics-token"), "\(stranger.detail)")
            #expect(!stranger.text.contains("hb_requests"))
            #expect(try await client.call(.get, "/metrics", token: t.cleo).status == .forbidden)
            #expect(try await client.call(.get, "/metrics", token: t.staff).status == .forbidden)
            let scraped = try await client.call(.get, "/metrics", token: TestStudio.metricsToken)
            #expect(scraped.status == .ok)
            #expect(scraped.text.contains("hb_requests"))
            var wrong = TestStudio.metricsToken
            wrong.removeLast()
            #expect(try await client.call(.get, "/metrics", token: wrong + "0").status == .unauthorized)
            #expect(try await client.call(.get, "/metrics", token: wrong).status == .unauthorized)
        }
    }

    @Test(
        "a body the decoder refuses is explained: the line and column, the depth, the field whose number is not whole",
        arguments: TestStore.available)
    func unreadableBodiesExplained(store: TestStore) async throws {
        try await TestStudio.run(store) { _, client in
            let t = try await client.tokens()
            var headers = HTTPFields()
            headers[.authorization] = "Bearer \(t.cleo)"
            headers[.contentType] = "application/json"
            func post(_ body: String) async throws -> Reply {
                let response = try await client.executeRequest(
                    uri: "/api/quotes", method: .post, headers: headers, body: ByteBuffer(string: body))
                return Reply(status: response.status, headers: response.headers, data: Data(buffer: response.body))
            }
            let fraction = try await post(#"{"program":"total-back","minutes":30.5}"#)
            #expect(fraction.status == .badRequest)
            #expect(fraction.string("field") == "minutes")
            #expect(fraction.detail.contains("30.5 is not a whole number"), "\(fraction.detail)")
            let huge = try await post(#"{"program":"total-back","minutes":1e400}"#)
            #expect(huge.string("field") == "minutes", "\(huge.detail)")
            let deep = try await post(
                #"{"program":"# + String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000) + "}")
            #expect(deep.status == .badRequest)
            #expect(deep.detail.contains("nested more than 512"), "\(deep.detail)")
            let broken = try await post("{\"program\": \"total-back\"\n \"minutes\": 30}")
            #expect(broken.detail.contains("line 2, column 2, expected ',' or '}'"), "\(broken.detail)")
            let care = try await client.call(.put, "/api/me/care-plan", token: t.cleo, json: ["schemaVersion": 1.5])
            #expect(care.status == .unprocessableContent)
            #expect(care.detail.contains("whole number") && !care.detail.contains("newer"), "\(care.detail)")
        }
    }

    @Test("malformed, oversized and unreadable requests are refused with problem+json", arguments: TestStore.available)
    func badRequests(store: TestStore) async throws {
        try await TestStudio.run(store) { _, client in
            let t = try await client.tokens()
            var headers = HTTPFields()
            headers[.authorization] = "Bearer \(t.cleo)"
            headers[.contentType] = "application/json"
            let broken = try await client.executeRequest(
                uri: "/api/quotes", method: .post, headers: headers, body: ByteBuffer(string: "{\"program\": "))
            #expect(broken.status == .badRequest)
            #expect(broken.headers[.contentType] == "application/problem+json")

            let huge = ByteBuffer(
                string: "{\"schemaVersion\":1,\"x\":\"" + String(repeating: "a", count: 2 << 20) + "\"}")
            let tooBig = try await client.executeRequest(
                uri: "/api/me/care-plan", method: .put, headers: headers, body: huge)
            #expect(tooBig.status == .contentTooLarge)
            #expect(try await client.call(.get, "/api/me/care-plan", token: t.cleo).isProblem(.notFound))

            let wrongType = try await client.call(
                .post, "/api/quotes", token: t.cleo, json: ["program": "total-back", "minutes": "thirty"])
            #expect(wrongType.isProblem(.badRequest, field: "minutes"), "\(wrongType.detail)")
        }
    }
}
