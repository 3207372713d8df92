import Foundation
import HTTPTypes
import Testing

/// Every endpoint against every role: who gets in, who is refused and how.
@Suite("API: access by role")
struct AccessMatrixTests {
    enum Access {
        /// Anyone, signed in or not.
        case everyone
        /// Any signed-in account.
        case signedIn
        case clientOnly
        case staffAndAdmin
        case adminOnly
    }

    struct Endpoint: Sendable {
        var method: HTTPRequest.Method
        var path: String
        var body: [String: any Sendable]?
        var access: Access
    }

    /// The endpoints, with a body that gets past reading (the answer may still be a refusal of
    /// another kind, e.g. 404, but never the role's).
    static func endpoints(booking: String) -> [Endpoint] {
        [
            .init(method: .get, path: "/health", access: .everyone),
            .init(method: .get, path: "/metrics", access: .adminOnly),
            .init(method: .get, path: "/openapi.yaml", access: .everyone),
            .init(method: .get, path: "/api/programs", access: .everyone),
            .init(method: .get, path: "/api/prices", access: .everyone),
            .init(
                method: .get, path: "/api/availability?program=total-back&minutes=30&from=2026-11-24&to=2026-11-24",
                access: .everyone),
            .init(method: .get, path: "/api/me", access: .signedIn),
            .init(method: .get, path: "/api/me/export", access: .signedIn),
            .init(method: .get, path: "/api/me/bookings", access: .signedIn),
            .init(method: .get, path: "/api/me/next-visit", access: .signedIn),
            .init(method: .get, path: "/api/me/calendar", access: .signedIn),
            .init(method: .get, path: "/api/me/care-plan/versions", access: .signedIn),
            .init(method: .get, path: "/api/bookings?from=2026-11-24&to=2026-11-24", access: .signedIn),
            .init(method: .get, path: "/api/bookings/\(booking)", access: .signedIn),
            .init(method: .get, path: "/api/bookings/\(booking)/calendar.ics", access: .signedIn),
            .init(
                method: .post, path: "/api/quotes", body: ["program": "total-back", "minutes": 30], access: .signedIn),
            .init(method: .put, path: "/api/me/care-plan", body: ["schemaVersion": 1], access: .clientOnly),
            .init(
                method: .post, path: "/api/bookings",
                body: ["program": "total-back", "minutes": 30, "start": "2026-11-25T10:00"], access: .clientOnly),
            .init(method: .post, path: "/api/me/partner-seats", body: ["token": "not-a-link"], access: .clientOnly),
            .init(
                method: .put, path: "/api/bookings/\(booking)/partner", body: ["partnerEmail": "eve@test.example"],
                access: .signedIn),
            .init(method: .get, path: "/api/stations", access: .staffAndAdmin),
            .init(method: .patch, path: "/api/stations/2", body: ["status": "in-service"], access: .staffAndAdmin),
            .init(method: .post, path: "/api/bookings/\(booking)/start", access: .signedIn),
            .init(method: .get, path: "/api/alerts?from=2026-11-24&to=2026-11-24", access: .staffAndAdmin),
            .init(method: .post, path: "/api/stations", body: ["name": "Table 9"], access: .adminOnly),
            .init(method: .patch, path: "/api/programs/express", body: ["bookable": true], access: .adminOnly),
            .init(method: .get, path: "/api/promo-codes", access: .adminOnly),
            .init(
                method: .post, path: "/api/promo-codes",
                body: ["code": "X\(Int.random(in: 0...1_000_000))", "percentOff": 5], access: .adminOnly),
            .init(method: .patch, path: "/api/promo-codes/NONE", body: ["active": false], access: .adminOnly),
            .init(
                method: .post, path: "/api/staff",
                body: [
                    "email": "s\(Int.random(in: 0...1_000_000))@test.example", "name": "S",
                    "password": "long enough pass", "role": "staff",
                ],
                access: .adminOnly),
        ]
    }

    @Test("each endpoint lets in exactly the roles it is for", arguments: TestStore.available)
    func matrix(store: TestStore) async throws {
        try await TestStudio.run(store) { _, client in
            let t = try await client.tokens()
            let booked = try await client.book(t.cleo, start: "2026-11-24T10:00")
            let booking = try #require(booked.string("id"), "\(booked.detail)")
            for endpoint in Self.endpoints(booking: booking) {
                for (role, token) in [("anonymous", nil), ("client", t.cleo), ("staff", t.staff), ("admin", t.admin)] {
                    let reply = try await client.call(endpoint.method, endpoint.path, token: token, json: endpoint.body)
                    let allowed: Bool =
                        switch endpoint.access {
                        case .everyone: true
                        case .signedIn: token != nil
                        case .clientOnly: role == "client"
                        case .staffAndAdmin: role == "staff" || role == "admin"
                        case .adminOnly: role == "admin"
                        }
                    let where_ =
                        "\(endpoint.method) \(endpoint.path) as \(role): \(reply.status.code) \(reply.detail.prefix(160))"
                    if allowed {
                        #expect(reply.status != .unauthorized && reply.status != .forbidden, "\(where_)")
                        #expect(reply.status.code < 500, "\(where_)")
                    } else if token == nil {
                        #expect(reply.isProblem(.unauthorized), "\(where_)")
                    } else {
                        #expect(reply.isProblem(.forbidden), "\(where_)")
                    }
                }
            }
        }
    }
}
