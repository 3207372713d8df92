import Foundation
import PropertyBased
import Testing
import UnknotCore
import UnknotStudio

/// The booking ledger on a real SQLite file against a model of it: random sequences of
/// bookings, cancellations and moves by several clients are accepted exactly when the model
/// says the minutes are free, and what is left never overlaps, buffer included.
@Suite("Booking ledger (property)")
struct LedgerPropertyTests {
    /// A booking as the model keeps it.
    struct Held: Equatable {
        var id: UUID
        var client: Int
        var station: Int
        var start: Int
        var minutes: Int
    }

    static let buffers = [1: 10, 2: 15]
    static let wednesday = CalendarDate(year: 2026, month: 11, day: 25)!

    @Test("random bookings, cancellations and moves: accepted exactly when free, never overlapping")
    func ledger() async throws {
        await propertyCheck(count: 12, input: Gen.uint64().withoutShrink()) { seed in
            do {
                try await Self.run(seed: seed)
            } catch {
                Issue.record("seed \(seed): \(error)")
            }
        }
    }

    static func run(seed: UInt64) async throws {
        let clock = SettableClock(Date(timeIntervalSince1970: 1_795_420_800))  // Monday 2026-11-23 08:00 UTC
        try await StudioOnDisk.run("ledger", clock: clock) { studio in try await check(studio, seed: seed) }
    }

    static func check(_ studio: Studio, seed: UInt64) async throws {
        try await studio.prepareCatalog()
        let admin = try await studio.createAccount(
            email: "admin@ledger.example", name: "Admin", password: "long enough pass", role: .admin)
        let adminCaller = Caller(accountID: admin.id, role: .admin, name: "Admin")
        for (n, buffer) in buffers.sorted(by: { $0.key < $1.key }) {
            _ = try await studio.createStation(adminCaller, StationChange(name: "Table \(n)", cleaningBuffer: buffer))
        }
        var clients: [Caller] = []
        for n in 0..<3 {
            let account = try await studio.createAccount(
                email: "c\(n)@ledger.example", name: "Client \(n)", password: "long enough pass")
            clients.append(Caller(accountID: account.id, role: .client, name: account.name))
        }
        var rng = SeededGenerator(seed: seed)
        var model: [Held] = []
        let firstDay = wednesday.dayNumber

        func fits(_ station: Int, _ start: Int, _ minutes: Int, ignoring: UUID?) -> Bool {
            let minuteOfDay = start - (start / 1_440) * 1_440
            let buffer = buffers[station] ?? 0
            guard minuteOfDay % 15 == 0, minuteOfDay >= 9 * 60, minuteOfDay + minutes + buffer <= 20 * 60 else {
                return false
            }
            return model.allSatisfy { held in
                held.id == ignoring || held.station != station
                    || start + minutes + buffer <= held.start || held.start + held.minutes + buffer <= start
            }
        }

        // One client, one table at a time (issue #18, defect 3): a session overlapping another of theirs is refused.
        func clientFree(_ who: Int, _ start: Int, _ minutes: Int, ignoring: UUID?) -> Bool {
            model.allSatisfy { held in
                held.id == ignoring || held.client != who || start + minutes <= held.start
                    || held.start + held.minutes <= start
            }
        }

        for _ in 0..<40 {
            let who = Int.random(in: 0..<clients.count, using: &rng)
            let day = firstDay + Int.random(in: 0...1, using: &rng)
            // Mostly on the grid and in hours, now and then not.
            let minute =
                8 * 60 + 15 * Int.random(in: 0...48, using: &rng) + (Int.random(in: 0..<10, using: &rng) == 0 ? 5 : 0)
            let start = day * 1_440 + minute
            let text = StudioTime(minutes: start).text
            let minutes = [30, 45, 60].randomElement(using: &rng) ?? 30
            let station: Int? = Int.random(in: 0...2, using: &rng) == 0 ? nil : Int.random(in: 1...2, using: &rng)
            let own = model.filter { $0.client == who }
            switch Int.random(in: 0..<10, using: &rng) {
            case 0..<6:
                let expected = (station.map { [$0] } ?? [1, 2]).first {
                    clientFree(who, start, minutes, ignoring: nil) && fits($0, start, minutes, ignoring: nil)
                }
                do {
                    let booked = try await studio.book(
                        clients[who], program: "total-back", minutes: minutes, start: text, station: station)
                    #expect(expected == booked.stationID, "seed \(seed): booked \(text) on \(booked.stationID)")
                    model.append(
                        Held(id: booked.id, client: who, station: booked.stationID, start: start, minutes: minutes))
                } catch {
                    #expect(
                        expected == nil,
                        "seed \(seed): \(text) refused (\(error)) though station \(expected ?? 0) was free")
                }
            case 6..<8:
                guard let target = own.randomElement(using: &rng) else { continue }
                _ = try await studio.cancel(clients[who], id: target.id)
                model.removeAll { $0.id == target.id }
            default:
                guard let target = own.randomElement(using: &rng) else { continue }
                let order = station.map { [$0] } ?? [target.station] + [1, 2].filter { $0 != target.station }
                let expected = order.first {
                    clientFree(who, start, target.minutes, ignoring: target.id)
                        && fits($0, start, target.minutes, ignoring: target.id)
                }
                do {
                    let moved = try await studio.reschedule(clients[who], id: target.id, start: text, station: station)
                    #expect(expected == moved.stationID, "seed \(seed): moved to \(text) on \(moved.stationID)")
                    model.removeAll { $0.id == target.id }
                    model.append(
                        Held(
                            id: target.id, client: who, station: moved.stationID, start: start, minutes: target.minutes)
                    )
                } catch {
                    #expect(expected == nil, "seed \(seed): move to \(text) refused (\(error)) though free")
                }
            }
        }

        // What the studio holds is what the model holds, and none of it overlaps.
        let staff = adminCaller
        let stored = try await studio.bookings(
            staff, from: wednesday.description, to: CalendarDate(dayNumber: firstDay + 1).description
        ).filter { $0.status == .booked }
        #expect(
            Set(stored.map { "\($0.id) \($0.stationID) \($0.start.minutes)" })
                == Set(model.map { "\($0.id) \($0.station) \($0.start)" }))
        for station in [1, 2] {
            let list = stored.filter { $0.stationID == station }.sorted { $0.start < $1.start }
            for (a, b) in zip(list, list.dropFirst()) {
                #expect(
                    a.end.minutes + (buffers[station] ?? 0) <= b.start.minutes, "seed \(seed): overlap on \(station)")
            }
        }
    }
}
