import Foundation
import PropertyBased
import Testing
import UnknotCore
import UnknotStudio

/// Issue #18, defect 1: at 11:25 the booking page offered 11:30, and booking it said "book at
/// least 60 minutes ahead". Whatever the clock and the studio's rules, every start offered to a
/// client is one that client can book at that moment, and every move offered can be made.
@Suite("Offered times (property)")
struct OfferedTimesPropertyTests {
    @Test("random clocks, notice, days ahead and cut-offs: every offered start books, every offered move moves")
    func offeredMeansBookable() async {
        await propertyCheck(count: 10, input: Gen.uint64().withoutShrink()) { seed in
            do {
                try await Self.run(seed: seed)
            } catch {
                Issue.record("seed \(seed): \(error)")
            }
        }
    }

    static func run(seed: UInt64) async throws {
        var rng = SeededGenerator(seed: seed)
        // Any moment of a week from Monday 2026-11-23 00:00 UTC, to the minute.
        let monday = Date(timeIntervalSince1970: 1_795_392_000)
        let clock = SettableClock(monday.addingTimeInterval(Double(Int.random(in: 0..<(7 * 1_440), using: &rng)) * 60))
        var settings = StudioSettings.forTests
        settings.rules.minimumNotice = [0, 5, 30, 60, 90, 600].randomElement(using: &rng) ?? 60
        settings.rules.maximumDaysAhead = Int.random(in: 0...4, using: &rng)
        settings.rules.cancelCutOff = [0, 60, 24 * 60].randomElement(using: &rng) ?? 0
        settings.rules.rescheduleCutOff = [0, 30, 12 * 60].randomElement(using: &rng) ?? 0
        let seeded = rng
        try await StudioOnDisk.run("offered", settings: settings, clock: clock) { studio in
            var rng = seeded
            try await check(studio, rng: &rng)
        }
    }

    static func check(_ studio: Studio, rng: inout SeededGenerator) async throws {
        try await studio.prepareCatalog()
        let admin = try await studio.createAccount(
            email: "admin@offered.example", name: "Admin", password: "long enough pass", role: .admin)
        let adminCaller = Caller(accountID: admin.id, role: .admin, name: "Admin")
        for n in 1...2 {
            _ = try await studio.createStation(adminCaller, StationChange(name: "Station \(n)", cleaningBuffer: 5 * n))
        }
        let account = try await studio.createAccount(
            email: "cleo@offered.example", name: "Cleo", password: "long enough pass")
        let cleo = Caller(accountID: account.id, role: .client, name: "Cleo")
        let today = studio.today.dayNumber
        // From a day before today to a day past the last bookable one: the past and the far future are offered nothing.
        let from = CalendarDate(dayNumber: today - 1).description
        let to = CalendarDate(dayNumber: today + studio.settings.rules.maximumDaysAhead + 1).description
        let lengths = [("total-back", 30), ("total-back", 60), ("express", 15)]
        var booked: [BookingView] = []
        for _ in 0..<6 {
            guard let (program, minutes) = lengths.randomElement(using: &rng) else { continue }
            let offered = try await studio.availability(
                program: program, minutes: minutes, from: from, to: to, for: cleo)
            guard let slot = offered.randomElement(using: &rng) else { continue }
            do {
                booked.append(
                    try await studio.book(
                        cleo, program: program, minutes: minutes, start: slot.start.text, station: slot.stationID))
            } catch {
                Issue.record(
                    "offered \(slot.start.text) on station \(slot.stationID) at \(studio.now.text) was refused: \(error)"
                )
            }
        }
        // Nothing offered overlaps a session the client holds.
        let all = try await studio.availability(program: "total-back", minutes: 30, from: from, to: to, for: cleo)
        for slot in all {
            #expect(
                !booked.contains { $0.start < slot.end && slot.start < $0.end },
                "\(slot.start.text) overlaps a session of the client's")
        }
        // A move offered (the page offers one only before the cut-off) is one the studio makes.
        for booking in booked.shuffled(using: &rng).prefix(2) {
            guard studio.settings.rules.changes(start: booking.start, now: studio.now).move == nil else { continue }
            let offered = try await studio.availability(
                program: booking.programID, minutes: booking.minutes, from: from, to: to, for: cleo, moving: booking.id)
            guard let slot = offered.randomElement(using: &rng) else { continue }
            do {
                _ = try await studio.reschedule(cleo, id: booking.id, start: slot.start.text, station: slot.stationID)
            } catch {
                Issue.record("a move to \(slot.start.text) offered at \(studio.now.text) was refused: \(error)")
            }
        }
    }
}
