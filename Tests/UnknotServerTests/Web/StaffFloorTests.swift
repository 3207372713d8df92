import Foundation
import HummingbirdTesting
import Testing

/// The staff floor (issue #18, defects 5 and 6): alerts on the studio's clock, newest first; a call
/// for a person on its station's card until someone acknowledges it; demos labelled; ending a
/// session asks first.
@Suite("Web: the staff floor")
struct StaffFloorTests {
    @Test("a call for a person shows on its station's card with the wall-clock time until acknowledged")
    func callOnTheCard() async throws {
        try await TestStudio.run(.sqlite, .live) { studio, client in
            let t = try await client.tokens()
            studio.clock.advance(minutes: 2 * 60 + 14)  // Monday 10:14 on the studio's clock
            let cleo = try LiveSessionTests.session(
                from: try await client.form("/demo", token: t.cleo, TestStudio.allWell))
            try await client.console(cleo, token: t.cleo) { feed, press in
                #expect(await studio.advance(until: { await feed.lastStatus?.state == "working" }, limit: 30_000))
                try await press("call-staff")
                #expect(await studio.advance(until: { await feed.messages.contains { $0.contains("staff") } }))
                _ = try await client.eventually {
                    try await $0.page("/staff", token: t.staff).text.contains("class=\"open-alerts\"")
                }
                let floor = try await client.page("/staff", token: t.staff).text
                #expect(floor.contains("Demo · a simulated client"), "demos are labelled")
                #expect(
                    floor.contains(
                        "<li class=\"calls-person\"><time>10:14</time> The client asks for a person to come."),
                    "on the card, on the studio's clock: \(floor)")
                #expect(floor.contains("<time>10:14</time> Station"), "and in the list on the same clock")
                // Ending asks first: the card links to a question, not a form that ends at once.
                #expect(!floor.contains("/end\" class=\"inline\"") && floor.contains("End session…"))
                var acknowledged = 0
                for station in [1, 2] {
                    let ask = try await client.page("/staff/stations/\(station)/end", token: t.staff)
                    if ask.status == .ok { #expect(ask.text.contains("id=\"confirm-end\"")) }
                    let reply = try await client.form("/staff/stations/\(station)/acknowledge", token: t.staff)
                    if reply.status == .seeOther { acknowledged += 1 }
                }
                #expect(acknowledged == 1, "the station running the demo")
                let after = try await client.page("/staff", token: t.staff).text
                #expect(!after.contains("class=\"open-alerts\""), "acknowledged: off the card")
                #expect(after.contains("(seen by Sam Staff)"), "the list says who saw it")
                // Clients cannot acknowledge.
                #expect(try await client.form("/staff/stations/1/acknowledge", token: t.cleo).status == .forbidden)
            }
        }
    }
}
