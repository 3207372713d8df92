import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import Testing
import UnknotCore
import UnknotServer
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

    @Test(
        "one client's simultaneous bookings with a once-per-client code: one gets it, the others are told about the code",
        arguments: TestStore.available)
    func racingOneCode(store: TestStore) async throws {
        try await TestStudio.run(store, .live) { _, client in
            let t = try await client.tokens()
            try await client.addBlogCode(admin: t.admin)
            let starts = ["2026-11-24T10:00", "2026-11-24T12:00", "2026-11-24T14:00", "2026-11-24T16:00"]
            let replies = try await withThrowingTaskGroup(of: Reply.self) { group in
                for start in starts {
                    group.addTask { try await client.book(t.cleo, start: start, code: "BLOG") }
                }
                var replies: [Reply] = []
                for try await reply in group { replies.append(reply) }
                return replies
            }
            #expect(replies.filter { $0.status == .created }.count == 1, "\(replies.map(\.detail))")
            for reply in replies where reply.status != .created {
                #expect(reply.isProblem(.unprocessableContent, field: "code"), "\(reply.detail)")
                #expect(!reply.detail.contains("no station is free"), "\(reply.detail)")
            }
        }
    }

    @Test("two servers on one PostgreSQL database: simultaneous bookings of one slot, one wins")
    func twoServers() async throws {
        guard TestStore.available.contains(.postgres) else { return }
        try await TestStudio.run(.postgres) { studio, first in
            let t = try await first.tokens()
            let second = try await buildApplication(studio.arguments)
            try await second.test(.router) { other in
                let otherTokens = try await other.tokens()
                // Ten rounds: each round, both clients on both servers go for the same slot.
                for round in 0..<10 {
                    let start = "2026-11-24T\(10 + round / 4):\(["00", "15", "30", "45"][round % 4])"
                    async let a = first.book(t.cleo, start: start, station: 1)
                    async let b = other.book(otherTokens.dan, start: start, station: 1)
                    async let c = other.book(otherTokens.cleo, start: start, station: 1)
                    async let d = first.book(t.dan, start: start, station: 1)
                    let statuses = try await [a.status, b.status, c.status, d.status]
                    #expect(statuses.filter { $0 == .created }.count <= 1, "round \(round): \(statuses)")
                }
                let list = try await other.call(
                    .get, "/api/bookings?from=2026-11-24&to=2026-11-24&stationId=1", token: otherTokens.staff)
                let starts = list.array.compactMap { $0["start"] as? String }.sorted()
                // Whatever won, what is held never overlaps (30 minutes + 10 of cleaning).
                let minutes = starts.compactMap { text -> Int? in
                    let clock = text.split(separator: "T").last?.split(separator: ":").compactMap { Int($0) } ?? []
                    return clock.count == 2 ? clock[0] * 60 + clock[1] : nil
                }
                for (a, b) in zip(minutes, minutes.dropFirst()) { #expect(b - a >= 40, "\(starts)") }
                #expect(!starts.isEmpty)
            }
        }
    }

    @Test("two servers starting at once on an empty PostgreSQL database: one sets the studio up, both serve")
    func twoServersStart() async throws {
        guard TestStore.available.contains(.postgres) else { return }
        let (storage, remove) = try await TestStore.postgres.make()
        // The studio's clock is the test's, never the machine's: the day asked for below is
        // always an open day ahead, on whatever day the test runs.
        var arguments = ServeArguments(
            storage: storage, demo: true, logLevel: .warning, clock: SettableClock(TestStudio.monday))
        arguments.settings.passwordCost = 4
        arguments.settings.passwordHasher = TestStudio.testHasher
        arguments.settings.timeZone = TimeZone(identifier: "UTC") ?? .current
        let tuesday = TestStudio.day(after: 1)
        let settings = arguments
        do {
            async let first = buildApplication(settings)
            async let second = buildApplication(settings)
            let (a, b) = try await (first, second)
            try await a.test(.router) { one in
                try await b.test(.router) { two in
                    #expect(try await one.call(.get, "/health").status == .ok)
                    #expect(try await two.call(.get, "/health").status == .ok)
                    let programs = try await two.call(.get, "/api/programs")
                    #expect(programs.array.count == 5)
                    let availability = try await one.call(
                        .get, "/api/availability?program=total-back&minutes=30&from=\(tuesday)&to=\(tuesday)")
                    let stations = Set(
                        ((availability.object["slots"] as? [[String: Any]]) ?? []).compactMap {
                            $0["stationId"] as? Int
                        })
                    #expect(stations == [1, 2, 3, 4], "one demo studio, not two")
                }
            }
        } catch {
            await remove()
            throw error
        }
        await remove()
    }
}
