import Foundation
import Testing
import UnknotCore
import UnknotSession
import UnknotSimulation
import UnknotTesting

/// The session record: JSON Lines, written as it happens, read back typed.
@Suite("Session record")
struct SessionRecordTests {
    static func station(_ persona: String = "tender-left-trapezius") throws -> SimulatedStation {
        try SimulatedStation.planned(
            program: Fixtures.catalog().program(id: "neck-jaw-shoulders")!, minutes: 30,
            persona: Persona.named(persona, seed: 3)!, date: Fixtures.day, seed: 3)
    }

    static func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("record-\(UUID().uuidString).jsonl").path
    }

    @Test("Everything written is read back as it was; telemetry at 10 Hz")
    func roundTrip() throws {
        var station = try Self.station()
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let header = SessionRecordHeader(
            plan: station.engine.plan, carePlan: station.engine.carePlan, startedAt: 0, client: "test", seed: 3)
        let writer = try SessionRecordWriter(path: path, header: header)
        var written: [TimedEvent] = []
        var batch: [TimedEvent] = []
        for _ in 0..<(11 * 60_000) {
            station.step()
            station.takeEvents(into: &batch)
            try writer.append(batch, now: station.engine.now)
            written.append(contentsOf: batch)
            batch.removeAll()
        }
        try writer.finish(with: station.engine.summary())
        let record = try SessionRecord.read(from: path)
        #expect(record.header == header)
        #expect(record.summary == station.engine.summary())
        #expect(!record.truncatedLastLine)
        #expect(record.events.count == written.count)
        let telemetry = record.telemetry
        #expect(abs(telemetry.count - 11 * 600) <= 1)
        for (read, original) in zip(record.events, written) {
            if case .telemetry(let a) = read.event, case .telemetry(let b) = original.event {
                #expect(read.t == original.t)
                #expect(abs(a.targetForce - b.targetForce) <= 0.005 && abs(a.x - b.x) <= 0.005)
                #expect(a.part == b.part && a.state == b.state && a.technique == b.technique && a.level == b.level)
            } else {
                #expect(read == original)
            }
        }
        // The tender persona's pain is in it, with the decision and the message.
        #expect(record.decisions.contains { $0.decision.trigger == .pain })
        #expect(record.messages.contains { $0.message.text.contains("Easing off") })
    }

    @Test("The header keeps the plan's phases, so a moment's phase is read from the record alone")
    func phasesInTheHeader() throws {
        let station = try Self.station()
        let plan = station.engine.plan
        let header = SessionRecordHeader(plan: plan, carePlan: CarePlan(), startedAt: 0, client: "test")
        #expect(header.phases.map(\.kind) == plan.phases.map(\.kind))
        #expect(header.phases.map(\.startMilliseconds) == plan.phases.map(\.startMilliseconds))
        #expect(header.phases.last?.endMilliseconds == plan.durationMilliseconds)
        for phase in plan.phases {
            #expect(header.phase(atPlanTime: phase.startMilliseconds)?.kind == phase.kind)
            #expect(header.phase(atPlanTime: phase.endMilliseconds - 1)?.kind == phase.kind)
        }
        // A record written before phases were kept still reads, with none.
        let encoder = JSONEncoder()
        var object = try #require(
            try JSONSerialization.jsonObject(with: encoder.encode(header)) as? [String: Any])
        object.removeValue(forKey: "phases")
        let old = try JSONDecoder().decode(
            SessionRecordHeader.self, from: JSONSerialization.data(withJSONObject: object))
        #expect(old.phases.isEmpty && old.programID == header.programID)
    }

    @Test("A crash loses at most the last 100 ms: what is on disk is never more than that behind")
    func crashLosesAtMost100ms() throws {
        var station = try Self.station()
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try SessionRecordWriter(
            path: path,
            header: SessionRecordHeader(
                plan: station.engine.plan, carePlan: station.engine.carePlan, startedAt: 0, client: "test"))
        var batch: [TimedEvent] = []
        var lastEventAt = 0
        for step in 1...20_000 {
            station.step()
            station.takeEvents(into: &batch)
            if let last = batch.last { lastEventAt = last.t }
            try writer.append(batch, now: station.engine.now)
            batch.removeAll()
            if step % 997 == 0 {
                // Read the file as a crash would leave it: no finish, no final flush.
                let onDisk = try SessionRecord.parse(Data(contentsOf: URL(fileURLWithPath: path)))
                let newest = onDisk.events.last?.t ?? 0
                #expect(lastEventAt - newest <= SessionRecordWriter.flushMilliseconds)
            }
        }
    }

    @Test("A half-written last line is tolerated and reported; damage elsewhere names the line")
    func damage() throws {
        var station = try Self.station()
        var events: [TimedEvent] = []
        for _ in 0..<2_000 { station.step() }
        station.takeEvents(into: &events)
        let encoder = JSONEncoder()
        var lines = [
            String(
                decoding: try encoder.encode(
                    RecordLine.header(
                        SessionRecordHeader(plan: station.engine.plan, carePlan: CarePlan(), startedAt: 0, client: "x"))
                ), as: UTF8.self)
        ]
        for event in events {
            lines.append(String(decoding: try encoder.encode(RecordLine.event(event)), as: UTF8.self))
        }
        let whole = lines.joined(separator: "\n") + "\n"
        let cut = String(whole.dropLast(25))
        let record = try SessionRecord.parse(Data(cut.utf8))
        #expect(record.truncatedLastLine)
        #expect(record.events.count == events.count - 1)
        var broken = lines
        broken[2] = "{\"t\": 5, \"type\": \"nonsense\"}"
        #expect {
            try SessionRecord.parse(Data((broken.joined(separator: "\n") + "\n").utf8))
        } throws: { error in
            String(describing: error).contains("line 3")
        }
        #expect {
            try SessionRecord.parse(Data((lines.dropFirst().joined(separator: "\n") + "\n").utf8))
        } throws: { error in
            String(describing: error).contains("no header")
        }
    }

    @Test("The timeline reads as a story")
    func timeline() throws {
        var station = try Self.station()
        var events: [TimedEvent] = []
        station.run { events.append(contentsOf: $0) }
        let record = SessionRecord(
            header: SessionRecordHeader(
                plan: station.engine.plan, carePlan: CarePlan(), startedAt: 0, client: "tender"),
            events: events, summary: station.engine.summary(), truncatedLastLine: false)
        let text = record.timeline()
        #expect(text.contains("client    that hurts"))
        #expect(text.contains("says      \"Easing off your left shoulder"))
        #expect(text.contains("Suggested care-plan changes"))
        #expect(text.contains("Mark a tender spot on your left shoulder"))
    }
}
