import Foundation
import HTTPTypes
import HummingbirdTesting
import HummingbirdWSTesting
import Testing

/// Live sessions on the simulated stations, on the stations' own clock (advanced by the test),
/// driven through the console's WebSocket as the page drives it.
@Suite("Web: live sessions, the console and the staff floor")
struct LiveSessionTests {
    static func session(from reply: Reply) throws -> String {
        let location = try #require(reply.location, "\(reply.status) \(reply.text.prefix(400))")
        #expect(location.hasPrefix("/console/"))
        return String(location.dropFirst("/console/".count))
    }

    @Test(
        "a booked session from its console: that hurts eases off, a break, the end, the report, plainly a simulation's")
    func bookedSession() async throws {
        try await TestStudio.run(.sqlite, .live) { studio, client in
            let t = try await client.tokens()
            try await client.addBlogCode(admin: t.admin)
            let plan: [String: Any] = ["schemaVersion": 1, "focusAreas": ["upper-back"], "staffMayBeAlerted": true]
            #expect(try await client.call(.put, "/api/me/care-plan", token: t.cleo, json: plan).status.code < 300)
            let booked = try await client.book(t.cleo, start: "2026-11-23T09:00", code: "BLOG")
            let booking = try #require(booked.string("id"), "\(booked.detail)")
            // Not yet: the start is more than 30 minutes away.
            #expect(try await client.form("/bookings/\(booking)/start", token: t.cleo).status == .unprocessableContent)
            studio.clock.set(TestStudio.monday.addingTimeInterval(45 * 60))
            #expect(try await client.form("/bookings/\(booking)/start", token: t.dan).status == .notFound)
            // The day's questions come first, then the session starts.
            let asked = try await client.form("/bookings/\(booking)/start", token: t.cleo)
            #expect(
                asked.location == "/bookings/\(booking)/today?then=start", "\(asked.status) \(asked.text.prefix(300))")
            let questions = try await client.page("/bookings/\(booking)/today?then=start", token: t.cleo)
            #expect(questions.text.contains("Do you have a fever today?"), "\(questions.text.prefix(600))")
            #expect(!questions.text.contains("id=\"problems\""))
            let partly = try await client.form(
                "/bookings/\(booking)/today", token: t.cleo, [("fever", "no"), ("then", "start")])
            #expect(partly.status == .unprocessableContent)
            #expect(partly.text.contains("Did you take pain medication today? Answer yes or no."), "\(partly.text)")
            #expect(partly.text.contains("value=\"no\" checked"), "what was answered is kept")
            let answers = [
                ("fever", "no"), ("acuteInfection", "no"), ("painMedication", "yes"), ("muscleRelaxants", "no"),
                ("then", "start"),
            ]
            let id = try Self.session(from: try await client.form("/bookings/\(booking)/today", token: t.cleo, answers))
            #expect(try await client.page("/console/\(id)", token: t.dan).status == .notFound)
            let page = try await client.page("/console/\(id)", token: t.cleo)
            #expect(page.status == .ok && page.text.contains("live-map-contact-posterior"))
            // Someone else's console does not connect, nor a page of another site in the client's name.
            await #expect(throws: (any Error).self) {
                try await client.console(id, token: t.dan) { _, _ in }
            }
            await #expect(throws: (any Error).self) {
                try await client.console(id, token: t.cleo, origin: "http://elsewhere.example") { _, _ in }
            }

            try await client.console(id, token: t.cleo) { feed, press in
                // The socket's upgrade is real time, the station's virtual: give the first status room to
                // come on a loaded machine (a paused session stays paused however long the station runs; a
                // full run once saw none within 1 s of station time, 2026-12-04).
                #expect(await studio.advance(until: { await feed.lastStatus != nil }, limit: 30_000))
                let working = await studio.advance(
                    until: {
                        guard let s = await feed.lastStatus else { return false }
                        return s.state == "working" && s.contact && s.level >= 2 && s.planTime >= 20_000
                    }, limit: 90_000)
                let first = await feed.lastStatus
                #expect(working, "the station settles in and works: \(String(describing: first))")
                let before = first?.level ?? 0
                try await press("that-hurts")
                let eased = await studio.advance(
                    until: {
                        let level = await feed.lastStatus?.level ?? 0
                        return await feed.messages.contains { $0.hasPrefix("Easing off") } && level > 0
                            && level < before
                    }, limit: 20_000)
                let said = await feed.messages.suffix(3)
                #expect(eased, "after that hurts: \(said)")
                try await press("break")
                #expect(await studio.advance(until: { await feed.lastStatus?.state == "on-break" }))
                let onBreak = await feed.lastStatus
                let breakStart = onBreak?.time ?? 0
                #expect(await studio.advance(until: { (await feed.lastStatus?.time ?? 0) >= breakStart + 5_000 }))
                let later = await feed.lastStatus
                #expect(later?.state == "on-break")
                #expect(later?.planTime == onBreak?.planTime, "a break never eats the client's time")
                try await press("resume")
                let resumed = await studio.advance(until: { await feed.lastStatus?.state == "working" })
                let seen = "\(await feed.statuses.suffix(3).map(\.stateText)) \(await feed.messages.suffix(3))"
                #expect(resumed, "\(seen)")
                try await press("end")
                let ended = await studio.advance(until: { await feed.lastStatus?.state == "finished" }, limit: 20_000)
                #expect(ended)
                // The record travels to the studio and is stored in real time, however loaded the machine.
                let reported = try await client.eventually(within: 30) { _ in await feed.lastStatus?.report != nil }
                #expect(reported)
                let report = await feed.lastStatus?.report
                #expect(report == "/sessions/\(booking)/report")
            }

            let report = try await client.page("/sessions/\(booking)/report", token: t.cleo)
            #expect(report.status == .ok)
            #expect(report.text.contains("You said it hurt") && report.text.contains("You took a break"))
            #expect(report.text.contains("moment-pain") && report.text.contains("spot-tender"))
            // A demo station is a simulation, and says so: what its simulated body showed is not
            // offered as a change to Cleo's care plan, and accepting it anyway is refused.
            #expect(report.text.contains(#"id="simulated""#) && report.text.contains("a simulated arm and body"))
            #expect(!report.text.contains("Mark a tender spot on your") && !report.text.contains("Accept:"))
            let refused = try await client.form(
                "/sessions/\(booking)/suggestions/0", token: t.cleo, [("decision", "accept")])
            #expect(refused.status == .unprocessableContent && refused.text.contains("simulated"))
            let current = try await client.call(.get, "/api/me/care-plan", token: t.cleo).object
            #expect(current["version"] as? Int == 1)
            #expect(!String(describing: current["plan"] ?? "").contains("learned"))
            // Feedback, kept with the record.
            #expect(
                try await client.form("/sessions/\(booking)/feedback", token: t.cleo, [("rating", "9")]).status
                    == .unprocessableContent)
            let thanks = try await client.form(
                "/sessions/\(booking)/feedback", token: t.cleo, [("rating", "5"), ("comment", "Lovely")])
            #expect(thanks.status == .seeOther)
            let again = try await client.page("/sessions/\(booking)/report", token: t.cleo)
            #expect(again.text.contains("value=\"5\" checked") && again.text.contains(">Lovely</textarea>"))
            // The booking is completed with its record, for the API too.
            #expect(
                try await client.call(.get, "/api/bookings/\(booking)", token: t.cleo).string("status") == "completed")
        }
    }

    @Test("a lost console pauses the station until the client resumes; staff see it on the floor")
    func lostConsole() async throws {
        try await TestStudio.run(.sqlite, .live) { studio, client in
            let t = try await client.tokens()
            let id = try Self.session(from: try await client.form("/demo", token: t.cleo, TestStudio.allWell))
            try await client.console(id, token: t.cleo) { feed, _ in
                let working = await studio.advance(
                    until: { await feed.lastStatus?.state == "working" }, limit: 20_000)
                #expect(working)
            }
            // The socket closed; the server notices in real time, the station in its own.
            var paused = false
            for _ in 0..<50 where !paused {
                try await Task.sleep(for: .milliseconds(20))
                await studio.pace.advance(milliseconds: 500)
                paused = try await client.page("/staff", token: t.staff).text.contains("Paused: the console was away")
            }
            #expect(paused, "the floor shows the station paused for a lost console")
            await studio.pace.advance(milliseconds: 30_000)
            try await client.console(id, token: t.cleo) { feed, press in
                // The socket's upgrade is real time, the station's virtual: give the first status room to
                // come on a loaded machine (a paused session stays paused however long the station runs; a
                // full run once saw none within 1 s of station time, 2026-12-04).
                #expect(await studio.advance(until: { await feed.lastStatus != nil }, limit: 30_000))
                let state = await feed.lastStatus?.state
                #expect(state == "paused", "nothing resumed by itself")
                let messages = await feed.messages
                #expect(messages.contains { $0.contains("lost its connection") })
                try await press("resume")
                let resumed = await studio.advance(until: { await feed.lastStatus?.state == "working" })
                let seen = "\(await feed.statuses.suffix(3).map(\.stateText)) \(await feed.messages.suffix(3))"
                #expect(resumed, "\(seen)")
            }
        }
    }

    @Test("stations 60 times faster: the console's grace is real time, so a console not yet open does not pause it")
    func fasterStations() async throws {
        try await TestStudio.run(.sqlite, .live, stationSpeed: 60) { studio, client in
            let t = try await client.tokens()
            _ = try Self.session(from: try await client.form("/demo", token: t.cleo, TestStudio.allWell))
            // The station has the session (its first report is on the floor) before its time runs:
            // the assignment travels over the link.
            #expect(
                try await client.eventually {
                    let floor = try await $0.page("/staff", token: t.staff).text
                    return floor.contains("Cleo Client") && !floor.contains(#"class="state">starting<"#)
                })
            // 60 s of station time is one second of real time: well within a browser's opening.
            await studio.pace.advance(milliseconds: 60_000)
            #expect(
                !(try await client.eventually {
                    try await $0.page("/staff", token: t.staff).text.contains("console lost")
                }))
            // 15 s of real time (900 s of station time) without a console: paused.
            await studio.pace.advance(milliseconds: 841_000)
            #expect(
                try await client.eventually {
                    try await $0.page("/staff", token: t.staff).text.contains("Paused: the console was away")
                })
        }
    }

    @Test("staff stop a station at once; clients cannot; one session per station")
    func emergencyStop() async throws {
        try await TestStudio.run(.sqlite, .live) { studio, client in
            let t = try await client.tokens()
            let id = try Self.session(from: try await client.form("/demo", token: t.cleo, TestStudio.allWell))
            let second = try Self.session(from: try await client.form("/demo", token: t.cleo, TestStudio.allWell))
            #expect(second == id, "a client's second demo is the one running")
            let other = try Self.session(from: try await client.form("/demo", token: t.dan, TestStudio.allWell))
            #expect(other != id, "another client gets another station")
            try await client.console(id, token: t.cleo) { feed, press in
                #expect(
                    await studio.advance(
                        until: {
                            let s = await feed.lastStatus
                            return s?.state == "working" && s?.contact == true
                        }, limit: 30_000))
                let floor = try await client.page("/staff", token: t.staff).text
                #expect(floor.contains("Cleo Client") && floor.contains("Dan Client"))
                #expect(!floor.contains("asks for a person"))
                // Calling a person always reaches staff (Cleo allowed no alerts: it is her own call).
                try await press("call-staff")
                #expect(
                    await studio.advance(until: { await feed.messages.contains { $0.contains("member of staff") } }))
                await studio.pace.advance(milliseconds: 100)
                await studio.pace.delivered()
                #expect(
                    try await client.eventually {
                        try await $0.page("/staff", token: t.staff).text.contains(
                            "The client asks for a person to come.")
                    })
                #expect(try await client.form("/staff/stations/1/stop", token: t.cleo).status == .forbidden)
                let orders = await studio.pace.ordersTaken()
                #expect(try await client.form("/staff/stations/1/stop", token: t.staff).location == "/staff")
                // The order crosses the link in real time; once the station has it, it acts at once.
                // (Counting the stations' time from the click, a loaded machine once let 10 s of it
                // pass before the order arrived.)
                await studio.pace.tookOrder(after: orders)
                #expect(
                    await studio.advance(
                        until: { await feed.lastStatus?.stateText == "Staff stopped the arm" }, limit: 2_000))
                let stoppedAt = await feed.lastStatus?.time ?? 0
                #expect(await studio.advance(until: { (await feed.lastStatus?.time ?? 0) >= stoppedAt + 2_000 }))
                let s = await feed.lastStatus
                #expect(s?.contact == false && s?.level == 0, "lifted and held: \(String(describing: s))")
                #expect(s?.stateText == "Staff stopped the arm", "and it stays stopped")
                #expect(
                    try await client.eventually {
                        try await $0.page("/staff", token: t.staff).text.contains("Staff stopped the arm")
                    })
                #expect(try await client.form("/staff/stations/9/stop", token: t.staff).status == .notFound)
            }
        }
    }
}
