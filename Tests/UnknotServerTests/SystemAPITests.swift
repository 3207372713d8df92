import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@Suite("API: health, metrics, the contract, bad requests")
struct SystemAPITests {
    @Test("health, metrics and the contract answer without signing in", arguments: TestStore.available)
    func system(store: TestStore) async throws {
        try await TestStudio.run(store) { _, client in
            let health = try await client.call(.get, "/health")
            #expect(health.status == .ok)
            #expect(health.string("database") == store.rawValue)
            _ = try await client.call(.get, "/api/programs")
            let t = try await client.tokens()
            _ = try await client.book(t.cleo, start: "2026-11-24T10:00")
            let metrics = try await client.call(.get, "/metrics")
            #expect(metrics.status == .ok)
            #expect(metrics.text.contains("hb_requests"), "\(metrics.text.prefix(300))")
            #expect(metrics.text.contains("unknot_bookings_total{outcome=\"booked\"}"), "\(metrics.text.prefix(600))")
            let contract = try await client.call(.get, "/openapi.yaml")
            #expect(contract.text.hasPrefix("openapi: 3.1.0"))
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
