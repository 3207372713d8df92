import FluentKit
import Foundation
import Testing
import UnknotCore

@testable import UnknotStudio

/// Two bookings of one client at the same moment with a once-per-client code: the second is
/// told about the code, never that no station is free (issue #14: a unique-constraint clash on
/// the client's code was reported as a station conflict).
@Suite("Booking races")
struct BookingRaceTests {
    @Test("a clash on the client's own code is named as the code's, not the stations'")
    func codeClash() async throws {
        let clock = SettableClock(Date(timeIntervalSince1970: 1_795_420_800))  // Monday 2026-11-23 08:00 UTC
        try await StudioOnDisk.run("race", clock: clock) { studio in try await Self.race(studio) }
    }

    static func race(_ studio: Studio) async throws {
        try await studio.prepareCatalog()
        let admin = try await studio.createAccount(
            email: "admin@race.example", name: "Admin", password: "long enough pass", role: .admin)
        let adminCaller = Caller(accountID: admin.id, role: .admin, name: "Admin")
        for n in 1...2 { _ = try await studio.createStation(adminCaller, StationChange(name: "Table \(n)")) }
        _ = try await studio.createPromoCode(adminCaller, .blog)
        let account = try await studio.createAccount(
            email: "cleo@race.example", name: "Cleo", password: "long enough pass")
        let cleo = Caller(accountID: account.id, role: .client, name: "Cleo")
        let first = try await studio.book(
            cleo, program: "total-back", minutes: 30, start: "2026-11-24T10:00", code: "BLOG")
        // The moment of the race: the first booking holds the code, but the second booking's
        // quote was made before it was written (so the quote still allowed the code).
        try await studio.database.write { db in
            let row = try await BookingRow.find(first.id, on: db)
            row?.status = BookingStatus.cancelled.rawValue
            try await row?.update(on: db)
        }
        do {
            _ = try await studio.book(
                cleo, program: "total-back", minutes: 30, start: "2026-11-24T12:00", code: "BLOG")
            Issue.record("the second use of a once-per-client code was accepted")
        } catch {
            #expect(error.field == "code", "\(error)")
            #expect(!error.message.contains("no station"), "\(error)")
        }
    }
}
