import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import Testing
import UnknotCore
import UnknotStudio

@Suite("Booking under concurrency")
struct ConcurrencyTests {
    @Test("200 simultaneous attempts at one slot over HTTP: exactly one succeeds", arguments: TestStore.available)
    func twoHundred(store: TestStore) async throws {
        try await TestStudio.run(store, .live) { studio, client in
            // 200 clients, made directly in the studio (sign-up over HTTP is tested elsewhere).
            let database = try await StudioDatabase.open(studio.storage, logger: TestStudio.logger)
            let seeded = Studio(
                database: database, settings: studio.settings, catalog: try ProgramCatalog.bundled(),
                clock: studio.clock)
            var tokens: [String] = []
            do {
                for n in 0..<200 {
                    let email = "racer\(n)@test.example"
                    _ = try await seeded.createAccount(email: email, name: "Racer \(n)", password: TestStudio.password)
                    tokens.append(try await seeded.logIn(email: email, password: TestStudio.password).token)
                }
            } catch {
                await database.shutdown()
                throw error
            }
            await database.shutdown()
            let replies = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for token in tokens {
                    group.addTask {
                        try await client.book(token, start: "2026-11-24T10:00", station: 1).status
                    }
                }
                var statuses: [HTTPResponse.Status] = []
                for try await status in group { statuses.append(status) }
                return statuses
            }
            #expect(replies.count == 200)
            #expect(replies.filter { $0 == .created }.count == 1)
            #expect(replies.filter { $0 == .conflict }.count == 199, "\(Set(replies.map(\.code)))")
            let staff = try await client.signIn("staff@test.example")
            let booked = try await client.call(
                .get, "/api/bookings?from=2026-11-24&to=2026-11-24&stationId=1", token: staff)
            #expect(booked.array.count == 1)
        }
    }
}
