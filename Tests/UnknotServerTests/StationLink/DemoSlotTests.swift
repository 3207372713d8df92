import Foundation
import HummingbirdTesting
import Testing

/// A demo starts only on a station linked and free for the demo's whole length (its cleaning
/// buffer included), and never takes a booked client's station (issue #15: a demo started at
/// 11:25 took the station of a client booked at 11:30).
@Suite("Demos never take a booked client's station")
struct DemoSlotTests {
    @Test("a booking ten minutes from now keeps its station: the demo goes to the other; with both taken, none")
    func demoAvoidsBookings() async throws {
        try await TestStudio.run(.sqlite, .live, configure: { $0.rules.minimumNotice = 0 }) { studio, client in
            let t = try await client.tokens()
            // Monday 08:50 (the stations open at 09:00): Dan is booked on station 1 at 09:00, inside a
            // 30-minute demo from now.
            studio.clock.advance(minutes: 50)
            let booked = try await client.book(t.dan, start: "\(TestStudio.day(after: 0))T09:00", station: 1)
            #expect(booked.status == .created, "\(booked.detail)")
            let demo = try LiveSessionTests.session(
                from: try await client.form("/demo", token: t.cleo, TestStudio.allWell))
            let page = try await client.page("/console/\(demo)", token: t.cleo)
            #expect(page.text.contains("Station 2") && !page.text.contains("Station 1"), "the demo went to station 2")
            // Station 2 runs Cleo's demo, station 1 is Dan's soon: no station for another demo.
            let none = try await client.form("/demo", token: t.dan, TestStudio.allWell)
            #expect(none.status == .conflict, "\(none.status) \(none.text.prefix(300))")
            #expect(none.text.lowercased().contains("every station is busy"))
        }
    }
}
