import Testing
import UnknotCore
import UnknotSession
import UnknotSimulation

/// Issue #14, defect 1: tears read from the body signals alone (no sound) are answered about as
/// soon as a therapist would see them: every episode within 2 s of the first tears (the goal), and
/// the clients who do not cry get no tear response.
@Suite struct TearsFromTheBodyTests {
    /// Seconds from the first tears of `cries-wants-tissue` (seed `seed`) to the first crying
    /// reaction the engine acted on, with the station reading the body signals.
    static func latency(seed: UInt64) throws -> Double? {
        let persona = try #require(Persona.named("cries-wants-tissue", seed: seed))
        var station = try SimulatedStation.planned(
            program: try #require(try ProgramCatalog.bundled().program(id: "neck-jaw-shoulders")), minutes: 30,
            persona: persona, date: CalendarDate(year: 2026, month: 6, day: 1)!, seed: seed, readsSignals: true)
        var acted: Int?
        var onset: Int?
        while acted == nil, station.step() {
            if onset == nil { onset = station.client.truth.first { $0.kind == .crying }?.start }
            if let onset, station.engine.now > onset + 20_000 { break }
            station.takeEvents { events in
                for event in events {
                    if case .reaction(let reaction, true, _) = event.event, reaction.kind == .crying {
                        acted = acted ?? event.t
                    }
                }
                events.removeAll(keepingCapacity: true)
            }
        }
        guard let onset, let acted else { return nil }
        return Double(acted - onset) / 1_000
    }

    @Test("Tears from the body alone: every episode answered within 2 s, the median within 1.5 s (seeds 1-20)")
    func tearsAnsweredSoon() throws {
        var latencies: [Double] = []
        for seed in UInt64(1)...20 {
            let latency = try Self.latency(seed: seed)
            #expect(latency != nil, "seed \(seed): the tears were never answered")
            if let latency { latencies.append(latency) }
        }
        latencies.sort()
        #expect(latencies.count == 20)
        guard latencies.count == 20 else { return }
        let median = (latencies[9] + latencies[10]) / 2
        #expect(median <= 1.5, "\(latencies)")
        #expect(latencies.allSatisfy { $0 >= 0 && $0 <= 2 }, "\(latencies)")
    }

    /// Seconds into the session of every crying reaction the engine acted on, reading the body
    /// signals, for a client who never cries.
    static func tearResponses(persona name: String, seed: UInt64) throws -> [Double] {
        let persona = try #require(Persona.named(name, seed: seed))
        var station = try SimulatedStation.planned(
            program: try #require(try ProgramCatalog.bundled().program(id: "neck-jaw-shoulders")), minutes: 30,
            persona: persona, date: CalendarDate(year: 2026, month: 6, day: 1)!, seed: seed, readsSignals: true)
        var acted: [Double] = []
        while station.step() {
            station.takeEvents { events in
                for event in events {
                    if case .reaction(let reaction, true, _) = event.event, reaction.kind == .crying {
                        acted.append(Double(event.t) / 1_000)
                    }
                }
                events.removeAll(keepingCapacity: true)
            }
        }
        return acted
    }

    @Test(
        "Clients who do not cry get no tear response from their body signals (seeds 1-5)",
        arguments: [
            "break-taker", "tender-left-trapezius", "sleeper", "ticklish-feet", "pressure-seeker", "rumbly-stomach",
        ])
    func noTearsWithoutTears(_ persona: String) throws {
        for seed in UInt64(1)...5 {
            let responses = try Self.tearResponses(persona: persona, seed: seed)
            #expect(responses.isEmpty, "\(persona), seed \(seed): tears answered at \(responses) s")
        }
    }
}
