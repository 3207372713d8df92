import Foundation
import Testing
import UnknotCore
import UnknotSession
import UnknotSimulation
import UnknotTesting

/// A real session record: a simulated client on a simulated station, written by the engine's
/// own record writer, as a station would upload it.
enum RecordedSession {
    static func make(
        persona name: String = "tender-left-trapezius", program: String, minutes: Int = 30,
        staffMayBeAlerted: Bool = false, robot: RobotIdentity? = nil, finished: Bool = true
    ) throws -> Data {
        var persona = try #require(Persona.named(name, seed: 11))
        persona.carePlan.staffMayBeAlerted = staffMayBeAlerted
        let catalog = Fixtures.catalog()
        let chosen = try #require(catalog.program(id: program))
        var station = try SimulatedStation.planned(
            program: chosen, minutes: minutes, persona: persona, date: Fixtures.day, seed: 11)
        var events: [TimedEvent] = []
        station.run(limit: (minutes + 15) * 60_000) { events.append(contentsOf: $0) }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("record-\(UUID().uuidString).jsonl")
            .path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try SessionRecordWriter(
            path: path,
            header: SessionRecordHeader(
                plan: station.engine.plan, carePlan: persona.carePlan, startedAt: 0, client: persona.name, seed: 11,
                robot: robot))
        try writer.append(events, now: station.engine.now)
        if finished { try writer.finish(with: station.engine.summary()) } else { try writer.flush() }
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }
}
