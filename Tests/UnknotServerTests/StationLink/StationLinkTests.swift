import Foundation
import HTTPTypes
import HummingbirdTesting
import HummingbirdWSClient
import HummingbirdWSTesting
import Logging
import Testing
import UnknotStation
import UnknotStudioLink

/// The studio end of the station link: credentials an admin issues and revokes, a station that
/// links with one, its reports on the staff floor, and staff orders that reach it — over a real
/// WebSocket on loopback, with the station's own client.
@Suite("Station link: credentials, the link, staff orders")
struct StationLinkTests {
    @Test(
        "an admin issues a credential shown once; the station links with it, shows on the floor, takes the e-stop; revoking closes the link"
    )
    func credentialLinkAndStop() async throws {
        try await TestStudio.run(.sqlite, .live, demoStations: false) { _, client in
            let t = try await client.tokens()
            // Only an admin issues credentials, for a station that exists.
            #expect(
                try await client.call(.post, "/api/stations/1/credentials", token: t.staff, json: [String: Any]())
                    .status == .forbidden)
            #expect(
                try await client.call(.post, "/api/stations/9/credentials", token: t.admin, json: [String: Any]())
                    .status == .notFound)
            let issued = try await client.call(
                .post, "/api/stations/1/credentials", token: t.admin, json: [String: Any]())
            #expect(issued.status == .created, "\(issued.detail)")
            let token = issued.string("token") ?? ""
            #expect(token.hasPrefix("ust_") && token.count == 47)
            let credential = (issued.object["credential"] as? [String: Any])?["id"] as? String ?? ""
            // Listed without its token.
            let listed = try await client.call(.get, "/api/stations/1/credentials", token: t.admin)
            #expect(listed.array.count == 1 && !listed.text.contains(token) && !listed.text.contains("token"))

            let port = try #require(client.port)
            let station = BenchStation()
            let link = StudioLinkClient(studio: "http://127.0.0.1:\(port)", token: token, logger: TestStudio.logger)
            let running = Task { await link.run(station) }
            defer { running.cancel() }
            let linked = await station.first {
                if case .linked = $0 { return true }
                return false
            }
            guard case .linked(let welcome) = linked else {
                Issue.record("the station was not welcomed: \(station.log.withLock { $0 })")
                return
            }
            #expect(welcome.station == 1 && welcome.stationName == "Station 1")
            #expect(await station.first { if case .reported = $0 { true } else { false } } != nil)

            // The staff floor shows the station's own session and its link.
            var floor = try await client.page("/staff", token: t.staff)
            for _ in 0..<100 where !floor.text.contains("loop p99") || !floor.text.contains("massaging") {
                try await Task.sleep(for: .milliseconds(20))
                floor = try await client.page("/staff", token: t.staff)
            }
            #expect(floor.text.contains("Linked: simulated arm, ready · bench 1 · loop p99 0.18 ms"))
            #expect(floor.text.contains("massaging") && floor.text.contains("estop"))

            // The staff's emergency stop reaches the station over its link.
            #expect(try await client.form("/staff/stations/1/stop", token: t.staff).location == "/staff")
            let stop = await station.first {
                if case .message(.staff(let order)) = $0 { return order.command == .emergencyStop }
                return false
            }
            #expect(stop != nil)
            // A station with no link and no session has nothing to stop.
            #expect(try await client.form("/staff/stations/2/stop", token: t.staff).status == .notFound)

            // Revoked: the link closes at once, and the credential opens no other.
            let revoked = try await client.call(
                .delete, "/api/stations/1/credentials/\(credential)", token: t.admin)
            #expect(revoked.status == .ok && revoked.object["revoked"] as? Bool == true, "\(revoked.detail)")
            #expect(await station.first { if case .unlinked = $0 { true } else { false } } != nil)
            running.cancel()
            let again = BenchStation()
            let retry = Task { await link.run(again) }
            let refused = await again.first { if case .unlinked = $0 { true } else { false } }
            retry.cancel()
            #expect(refused != nil)
            #expect(!again.log.withLock { $0 }.contains { if case .linked = $0 { true } else { false } })
        }
    }

    @Test("no link opens without a valid credential, nor from a browser page")
    func refusedCredentials() async throws {
        try await TestStudio.run(.sqlite, .live, demoStations: false) { _, client in
            let t = try await client.tokens()
            let token =
                try await client.call(.post, "/api/stations/2/credentials", token: t.admin, json: [String: Any]())
                .string("token") ?? ""
            for (label, headers) in [
                ("none", [:]), ("a made-up token", [.authorization: "Bearer ust_\(String(repeating: "A", count: 43))"]),
                ("a client's sign-in token", [.authorization: "Bearer \(t.cleo)"]),
                ("a browser page", [.authorization: "Bearer \(token)", .origin: "http://127.0.0.1"]),
            ] as [(String, HTTPFields)] {
                var configuration = WebSocketClientConfiguration()
                configuration.additionalHeaders = headers
                await #expect(throws: (any Error).self, "\(label)") {
                    try await client.ws(StudioLinkProtocol.path, configuration: configuration) { _, _, _ in }
                }
            }
        }
    }

    @Test("a frame the studio cannot read closes the link with the field named; a station that says nothing is closed")
    func unreadableFrames() async throws {
        try await TestStudio.run(.sqlite, .live, demoStations: false) { _, client in
            let t = try await client.tokens()
            let token =
                try await client.call(.post, "/api/stations/1/credentials", token: t.admin, json: [String: Any]())
                .string("token") ?? ""
            var configuration = WebSocketClientConfiguration()
            configuration.additionalHeaders = [.authorization: "Bearer \(token)"]
            for (frame, field) in [
                ("{\"type\":\"report\",\"robot\":\"ready\"}", "hello"),
                ("{\"type\":\"hello\",\"software\":\"x\",\"simulated\":true,\"held\":[]}", "protocolVersion"),
                ("{\"type\":\"launch\"}", "type"),
                ("not json", "frame"),
            ] {
                let close = try await client.ws(StudioLinkProtocol.path, configuration: configuration) {
                    inbound, outbound, _ in
                    try await outbound.write(.text(frame))
                    for try await _ in inbound.messages(maxSize: 1 << 16) {}
                }
                #expect(close?.closeCode == .unacceptableData, "\(frame)")
                #expect(close?.reason?.contains(field) == true, "\(frame): \(close?.reason ?? "no reason")")
            }
            // Silence: closed once the time for a hello has passed.
            let silent = try await client.ws(StudioLinkProtocol.path, configuration: configuration) { inbound, _, _ in
                for try await _ in inbound.messages(maxSize: 1 << 16) {}
            }
            #expect(silent?.closeCode == .policyViolation && silent?.reason?.contains("hello") == true)
        }
    }
}
