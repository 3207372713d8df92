import Foundation
import PropertyBased
import Testing
import UnknotCore
import UnknotStudio

/// Sessions for two (issue #18): whatever the clock, the rules, the stations' buffers and service
/// and the bookings already made, a start is offered for two exactly where the station and the
/// one beside it are both offered for one; every start offered for two books for two; and no
/// station ever holds two sessions at once, seats kept open included.
@Suite("Sessions for two (property)")
struct CouplesPropertyTests {
    @Test("offered for two ⇔ both stations offered for one; offered books; no station held twice")
    func offeredForTwo() async {
        await propertyCheck(count: 8, input: Gen.uint64().withoutShrink()) { seed in
            do {
                try await Self.run(seed: seed)
            } catch {
                Issue.record("seed \(seed): \(error)")
            }
        }
    }

    static func run(seed: UInt64) async throws {
        var rng = SeededGenerator(seed: seed)
        let monday = Date(timeIntervalSince1970: 1_795_392_000)  // Monday 2026-11-23 00:00 UTC
        let clock = SettableClock(monday.addingTimeInterval(Double(Int.random(in: 0..<(5 * 1_440), using: &rng)) * 60))
        var settings = StudioSettings.forTests
        settings.rules.minimumNotice = [0, 30, 60, 120].randomElement(using: &rng) ?? 60
        settings.rules.maximumDaysAhead = Int.random(in: 1...3, using: &rng)
        let seeded = rng
        try await StudioOnDisk.run("couples", settings: settings, clock: clock) { studio in
            var rng = seeded
            try await check(studio, rng: &rng)
        }
    }

    static func check(_ studio: Studio, rng: inout SeededGenerator) async throws {
        try await studio.prepareCatalog()
        let admin = try await studio.createAccount(
            email: "admin@couples.example", name: "Admin", password: "long enough pass", role: .admin)
        let adminCaller = Caller(accountID: admin.id, role: .admin, name: "Admin")
        for n in 1...4 {
            let buffer = [0, 5, 10, 15].randomElement(using: &rng) ?? 10
            _ = try await studio.createStation(adminCaller, StationChange(name: "Station \(n)", cleaningBuffer: buffer))
        }
        if Bool.random(using: &rng) {
            _ = try await studio.updateStation(adminCaller, id: 3, StationChange(status: .outOfService))
        }
        var clients: [Caller] = []
        for name in ["cleo", "dan", "eve"] {
            let account = try await studio.createAccount(
                email: "\(name)@couples.example", name: name.capitalized, password: "long enough pass")
            clients.append(Caller(accountID: account.id, role: .client, name: name.capitalized))
        }
        let today = studio.today.dayNumber
        let from = CalendarDate(dayNumber: today).description
        let to = CalendarDate(dayNumber: today + studio.settings.rules.maximumDaysAhead).description
        for round in 0..<10 {
            let (program, minutes) = [("total-back", 30), ("total-back", 60), ("express", 15)][round % 3]
            let one = try await studio.availability(program: program, minutes: minutes, from: from, to: to)
            let two = try await studio.availability(program: program, minutes: minutes, from: from, to: to, people: 2)
            let free = Set(one.map { [$0.stationID, $0.start.minutes] })
            let expected = Set(
                one.filter { free.contains([$0.stationID + 1, $0.start.minutes]) }.map {
                    [$0.stationID, $0.start.minutes]
                })
            #expect(Set(two.map { [$0.stationID, $0.start.minutes] }) == expected, "round \(round)")
            #expect(two.allSatisfy { $0.partnerStationID == $0.stationID + 1 })
            // Someone books: for two (a partner invited) or for one, at a start offered to them.
            guard let client = clients.randomElement(using: &rng) else { continue }
            let forTwo = Bool.random(using: &rng)
            let offered = try await studio.availability(
                program: program, minutes: minutes, from: from, to: to, for: client, people: forTwo ? 2 : 1)
            guard let slot = offered.randomElement(using: &rng) else { continue }
            do {
                _ = try await studio.book(
                    client, program: program, minutes: minutes, start: slot.start.text, station: slot.stationID,
                    partnerEmail: forTwo ? "partner\(round)@couples.example" : nil)
            } catch {
                Issue.record("offered \(slot.start.text) at station \(slot.stationID) for \(forTwo ? 2 : 1): \(error)")
            }
        }
        // The ledger: no station holds two sessions (with their cleaning) at once.
        let all = try await studio.bookings(adminCaller, from: from, to: to).filter { $0.status == .booked }
        for station in 1...4 {
            let held = all.filter { $0.stationID == station }.sorted { $0.start < $1.start }
            for (a, b) in zip(held, held.dropFirst()) {
                #expect(a.end <= b.start, "station \(station): \(a.start.text) and \(b.start.text) overlap")
            }
        }
        let seats = all.filter { $0.couple != nil }
        #expect(
            seats.count % 2 == 0
                && seats.allSatisfy {
                    $0.couple?.otherStationID == $0.stationID + ($0.couple?.seat == .booker ? 1 : -1)
                })
    }
}
