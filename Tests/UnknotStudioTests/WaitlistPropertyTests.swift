import Foundation
import PropertyBased
import Testing
import UnknotCore
import UnknotStudio

/// The waitlist over random cancellations, accepted offers and holds running out (issue #18):
/// a freed time goes to the first waiting client it suits and to no one else while held; no
/// station and no client is ever held twice at once; no one is left waiting while a time they
/// asked for is free; an offer accepted in time is booked.
@Suite("Waitlist (property)")
struct WaitlistPropertyTests {
    @Test("random cancellations, accepts and lapses: first come first served, never double held")
    func waitlist() async {
        await propertyCheck(count: 8, input: Gen.uint64().withoutShrink()) { seed in
            do {
                try await Self.run(seed: seed)
            } catch {
                Issue.record("seed \(seed): \(error)")
            }
        }
    }

    static let tuesday = "2026-11-24"

    static func run(seed: UInt64) async throws {
        let clock = SettableClock(Date(timeIntervalSince1970: 1_795_420_800))  // Monday 2026-11-23 08:00 UTC
        var settings = StudioSettings.forTests
        settings.rules.cancelCutOff = 0
        settings.rules.rescheduleCutOff = 0
        settings.waitlistHold = 30 * 60
        try await StudioOnDisk.run("waitlist", settings: settings, clock: clock) { studio in
            try await check(studio, clock: clock, seed: seed)
        }
    }

    static func check(_ studio: Studio, clock: SettableClock, seed: UInt64) async throws {
        var rng = SeededGenerator(seed: seed)
        try await studio.prepareCatalog()
        let admin = try await studio.createAccount(
            email: "admin@wait.example", name: "Admin", password: "long enough pass", role: .admin)
        let staff = Caller(accountID: admin.id, role: .admin, name: "Admin")
        for n in 1...2 { _ = try await studio.createStation(staff, StationChange(name: "Station \(n)")) }
        var clients: [Caller] = []
        for n in 0..<5 {
            let account = try await studio.createAccount(
                email: "c\(n)@wait.example", name: "Client \(n)", password: "long enough pass")
            clients.append(Caller(accountID: account.id, role: .client, name: account.name))
        }
        // Clients 0 and 1 fill Tuesday morning on both stations (30 minutes and 10 of cleaning).
        var held: [BookingView] = []
        for (i, minute) in stride(from: 9 * 60, to: 12 * 60, by: 45).enumerated() {
            for station in 1...2 {
                let start = StudioTime(minutes: CalendarDate(tuesday)!.dayNumber * 1_440 + minute).text
                let owner = clients[(i + station) % 2]
                if let booked = try? await studio.book(
                    owner, program: "total-back", minutes: 30, start: start, station: station)
                {
                    held.append(booked)
                }
            }
        }
        // Clients 2, 3 and 4 join the waitlist, in a random order, for random ranges of the morning.
        for client in clients[2...].shuffled(using: &rng) {
            let from = 9 * 60 + 15 * Int.random(in: 0...4, using: &rng)
            let to = from + 15 * Int.random(in: 0...8, using: &rng)
            _ = try await studio.joinWaitlist(
                client, program: "total-back", minutes: 30, date: tuesday, from: clockText(from), to: clockText(to))
        }
        try await invariants(studio, clients: clients, staff: staff, seed: seed)
        for _ in 0..<14 {
            switch Int.random(in: 0..<10, using: &rng) {
            case 0..<5:
                // Someone cancels one of their sessions.
                let open = held.filter { $0.status == .booked }
                guard let booking = open.randomElement(using: &rng),
                    let owner = clients.first(where: { $0.accountID == booking.clientID })
                else { continue }
                let cancelled = try await studio.cancel(owner, id: booking.id)
                held.removeAll { $0.id == booking.id }
                held.append(cancelled)
            case 5..<8:
                // A client with an offer books it, in time.
                for client in clients[2...].shuffled(using: &rng) {
                    guard let offer = try await studio.waitlist(client).first(where: { $0.status == .offered }) else {
                        continue
                    }
                    let booked = try await studio.acceptOffer(client, entry: offer.id)
                    #expect(booked.status == .booked && booked.start == offer.offer?.start, "seed \(seed)")
                    held.append(booked)
                    break
                }
            default:
                // Time passes; holds that ran out go to the next.
                clock.advance(minutes: Int.random(in: 10...40, using: &rng))
                await studio.expireWaitlistOffers()
            }
            try await invariants(studio, clients: clients, staff: staff, seed: seed)
        }
    }

    static func clockText(_ minute: Int) -> String { String(format: "%02d:%02d", minute / 60, minute % 60) }

    static func invariants(_ studio: Studio, clients: [Caller], staff: Caller, seed: UInt64) async throws {
        let all = try await studio.bookings(staff, from: tuesday, to: tuesday)
            .filter { [.booked, .offered, .inProgress].contains($0.status) }
        // No station and no client is held twice at once (cleaning included for stations).
        for a in all {
            for b in all where a.id != b.id && a.start <= b.start {
                if a.stationID == b.stationID {
                    #expect(a.end.minutes + 10 <= b.start.minutes, "seed \(seed): station \(a.stationID) held twice")
                }
                if a.clientID == b.clientID {
                    #expect(a.end <= b.start, "seed \(seed): a client held twice")
                }
            }
        }
        var entries: [(Caller, WaitlistEntry)] = []
        for client in clients[2...] {
            for entry in try await studio.waitlist(client) { entries.append((client, entry)) }
        }
        for (client, entry) in entries {
            switch entry.status {
            case .waiting:
                // No one waits while a time they asked for is free for them.
                let free = try await studio.availability(
                    program: entry.programID, minutes: entry.minutes, from: tuesday, to: tuesday, for: client)
                #expect(
                    !free.contains { (entry.from...entry.to).contains($0.start.minuteOfDay) },
                    "seed \(seed): \(client.name) waits while a time in their range is free")
            case .offered:
                let offer = try #require(entry.offer)
                #expect((entry.from...entry.to).contains(offer.start.minuteOfDay), "seed \(seed): offer out of range")
                #expect((entry.offerExpiresAt ?? .distantPast) > studio.clock.now, "seed \(seed): a lapsed hold stands")
                // First come first served: no one who joined earlier, still waiting, could have had it.
                for (other, earlier) in entries
                where earlier.status == .waiting && earlier.position < entry.position
                    && (earlier.from...earlier.to).contains(offer.start.minuteOfDay)
                {
                    let theirs = try await studio.bookings(staff, from: tuesday, to: tuesday).filter {
                        $0.clientID == other.accountID && [.booked, .offered].contains($0.status)
                            && $0.start < offer.end && offer.start < $0.end
                    }
                    #expect(!theirs.isEmpty, "seed \(seed): \(other.name) joined first and was passed over")
                }
            default: break
            }
        }
    }
}
