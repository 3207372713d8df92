import Foundation
import HummingbirdTesting
import Testing
import UnknotStation
import UnknotStudioLink

/// No booking stays "in progress" with nothing running it (issue #15): the studio settles what it
/// believes against what its stations say when they link, and against the clock.
@Suite("Station link: bookings settled with the stations")
struct BookingReconciliationTests {
    /// Links `station` to the studio with a new credential; returns once it is welcomed.
    static func link(
        _ station: BenchStation, as id: Int, _ client: any TestClientProtocol, admin: String
    ) async throws -> Task<Void, Never> {
        try await link(station, as: id, client, admin: admin) {
            await station.first { if case .linked = $0 { true } else { false } } != nil
        }
    }

    /// Links any station program to the studio with a new credential; returns once `welcomed`
    /// says so (a bound on a real link, not a timing check).
    static func link(
        _ station: some StudioLinkStation, as id: Int, _ client: any TestClientProtocol, admin: String,
        welcomed: () async -> Bool
    ) async throws -> Task<Void, Never> {
        let issued = try await client.call(
            .post, "/api/stations/\(id)/credentials", token: admin, json: [String: Any]())
        let port = try #require(client.port)
        let link = StudioLinkClient(
            studio: "http://127.0.0.1:\(port)", token: issued.string("token") ?? "", logger: TestStudio.logger)
        let running = Task { await link.run(station) }
        let deadline = ContinuousClock.now + .seconds(20)
        var linked = await welcomed()
        while !linked, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(10))
            linked = await welcomed()
        }
        #expect(linked, "station \(id) was not welcomed")
        return running
    }

    static func status(_ id: String, _ client: any TestClientProtocol, token: String) async throws -> String? {
        try await client.call(.get, "/api/bookings/\(id)", token: token).string("status")
    }

    @Test(
        "a station that links holding nothing of its booking in progress leaves it interrupted; one holding its record does not"
    )
    func settledOnLink() async throws {
        try await TestStudio.run(.sqlite, .live, demoStations: false) { studio, client in
            let t = try await client.tokens()
            let lost = try await HonestRecordTests.book(client, token: t.cleo, station: 1)
            let kept = try await HonestRecordTests.book(client, token: t.dan, station: 2)
            try await HonestRecordTests.start([lost, kept], client, studio, staff: t.staff)
            #expect(try await Self.status(lost, client, token: t.cleo) == "in-progress")

            let holdsNothing = BenchStation()
            let first = try await Self.link(holdsNothing, as: 1, client, admin: t.admin)
            defer { first.cancel() }
            let keptID = try #require(UUID(uuidString: kept))
            let holdsRecord = BenchStation(held: [
                HeldRecord(session: UUID(), bytes: 0, finished: true, booking: keptID)
            ])
            let second = try await Self.link(holdsRecord, as: 2, client, admin: t.admin)
            defer { second.cancel() }
            // Settled before the station is welcomed.
            #expect(try await Self.status(lost, client, token: t.cleo) == "interrupted")
            #expect(try await Self.status(kept, client, token: t.dan) == "in-progress")
            let page = try await client.page("/bookings/\(lost)", token: t.cleo)
            #expect(page.text.contains("interrupted"))
        }
    }

    @Test("past its end and half an hour, a booking whose station is linked nowhere is interrupted, not before")
    func settledByTheClock() async throws {
        try await TestStudio.run(.sqlite, .live, demoStations: false) { studio, client in
            let t = try await client.tokens()
            let id = try await HonestRecordTests.book(client, token: t.cleo, station: 1)
            try await HonestRecordTests.start([id], client, studio, staff: t.staff)
            // Booked 10:00 to 10:30: still in progress at 10:59 (a long break, a link down).
            studio.clock.set(TestStudio.monday.addingTimeInterval(86_400 + 179 * 60))
            let early = try await client.eventually(within: 1) { _ in
                try await Self.status(id, client, token: t.cleo) != "in-progress"
            }
            #expect(!early, "interrupted before its end and the grace had passed")
            studio.clock.set(TestStudio.monday.addingTimeInterval(86_400 + 180 * 60))  // 11:00
            let settled = try await client.eventually(within: 20) { _ in
                try await Self.status(id, client, token: t.cleo) == "interrupted"
            }
            #expect(settled)
        }
    }

    @Test("a session its station refuses, or that cannot be sent, leaves its booking booked, to start again")
    func refusedIsBookedAgain() async throws {
        try await TestStudio.run(.sqlite, .live, demoStations: false) { studio, client in
            let t = try await client.tokens()
            let refused = try await HonestRecordTests.book(client, token: t.cleo, station: 1)
            let unlinked = try await HonestRecordTests.book(client, token: t.dan, station: 2)
            studio.clock.set(TestStudio.monday.addingTimeInterval(86_400 + 115 * 60))  // Tuesday 09:55
            try await client.answerToday(refused, token: t.cleo)
            try await client.answerToday(unlinked, token: t.dan)
            let station = BenchStation(refusesSessions: true)
            let link = try await Self.link(station, as: 1, client, admin: t.admin)
            defer { link.cancel() }
            let start = try await client.form("/bookings/\(refused)/start", token: t.staff)
            #expect(start.location == "/staff", "\(start.status) \(start.text.prefix(300))")
            let booked = try await client.eventually(within: 20) { _ in
                try await Self.status(refused, client, token: t.cleo) == "booked"
            }
            #expect(booked)
            // Station 2 is linked nowhere: refused at once, and nothing changed.
            let none = try await client.form("/bookings/\(unlinked)/start", token: t.staff)
            #expect(none.status == .serviceUnavailable, "\(none.status)")
            #expect(try await Self.status(unlinked, client, token: t.dan) == "booked")
        }
    }
}
