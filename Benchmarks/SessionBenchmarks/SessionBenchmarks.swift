import Benchmark
import Foundation
import UnknotCore
import UnknotPlanning
import UnknotSession
import UnknotSignals
import UnknotSimulation
import UnknotTesting

/// Targets (issue #3, release build): engine tick p99 at most 5 µs with the supervisor; a
/// 30-minute session simulated at `--speed max` in at most 2 s; memory flat with session
/// length apart from the record. Run with `swift package benchmark --target SessionBenchmarks`;
/// figures go in docs/benchmarks.md.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
        timeUnits: .milliseconds, maxDuration: .seconds(30), maxIterations: 5)

    let typical = CarePlan(
        focusAreas: [BodyArea(.shoulders)], avoidAreas: [BodyArea(.calves, side: .left)],
        tenderSpots: [BodySpot(area: BodyArea(.upperBack, side: .right), at: RegionCoordinate(u: 0.5, v: 0.4))])
    func plan(_ program: String, _ minutes: Int) -> SessionPlan {
        do {
            return try SessionPlanner().plan(Fixtures.request(program, minutes: minutes, carePlan: typical))
        } catch {
            preconditionFailure("the benchmark plan must be valid: \(error)")
        }
    }
    let back30 = plan("total-back", 30)

    // Every tick of a whole 30-minute session timed on its own: the engine, the care policy and
    // the safety supervisor, with a sensor frame before each tick.
    let p50 = BenchmarkMetric.custom("tick p50 (ns)", polarity: .prefersSmaller, useScalingFactor: false)
    let p99 = BenchmarkMetric.custom("tick p99 (ns)", polarity: .prefersSmaller, useScalingFactor: false)
    let p999 = BenchmarkMetric.custom("tick p99.9 (ns)", polarity: .prefersSmaller, useScalingFactor: false)
    let worst = BenchmarkMetric.custom("tick max (ns)", polarity: .prefersSmaller, useScalingFactor: false)
    Benchmark(
        "Engine tick with supervisor, whole 30-minute session",
        configuration: .init(metrics: [.wallClock, .mallocCountTotal, p50, p99, p999, worst], maxIterations: 3)
    ) { benchmark in
        var engine = SessionEngine(plan: back30, carePlan: typical, body: Fixtures.body)
        engine.start()
        var events: [TimedEvent] = []
        events.reserveCapacity(4_096)
        let ticks = back30.durationMilliseconds + 20_000
        var durations = [Int](repeating: 0, count: ticks)
        let clock = ContinuousClock()
        benchmark.startMeasurement()
        for i in 0..<ticks {
            let frame = SensorFrame(
                measuredForce: engine.lastSetpoint.normalForce, tissueStiffness: engine.lastSetpoint.contact ? 8 : 0)
            let start = clock.now
            engine.take(frame)
            blackHole(engine.tick())
            let elapsed = start.duration(to: clock.now)
            durations[i] = Int(elapsed.components.attoseconds / 1_000_000_000)
            if !engine.events.isEmpty {
                engine.drainEvents(into: &events)
                events.removeAll(keepingCapacity: true)
            }
        }
        benchmark.stopMeasurement()
        durations.sort()
        benchmark.measurement(p50, durations[ticks / 2])
        benchmark.measurement(p99, durations[ticks * 99 / 100])
        benchmark.measurement(p999, durations[ticks * 999 / 1_000])
        benchmark.measurement(worst, durations[ticks - 1])
        precondition(engine.isFinished, "the session must run to its end")
    }

    // Quiet ticks (no input, no event) allocate nothing.
    Benchmark(
        "Engine: 10,000 quiet working ticks",
        configuration: .init(metrics: [.mallocCountTotal, .wallClock], timeUnits: .microseconds, maxIterations: 20)
    ) { benchmark in
        var engine = SessionEngine(plan: back30, carePlan: typical, body: Fixtures.body)
        engine.start()
        var events: [TimedEvent] = []
        events.reserveCapacity(4_096)
        for _ in 0..<60_000 {
            engine.take(SensorFrame(measuredForce: engine.lastSetpoint.normalForce, tissueStiffness: 8))
            _ = engine.tick()
        }
        engine.drainEvents(into: &events)
        events.removeAll(keepingCapacity: true)
        benchmark.startMeasurement()
        for _ in 0..<10_000 {
            engine.take(SensorFrame(measuredForce: engine.lastSetpoint.normalForce, tissueStiffness: 8))
            blackHole(engine.tick())
            if !engine.events.isEmpty {
                engine.drainEvents(into: &events)
                events.removeAll(keepingCapacity: true)
            }
        }
        benchmark.stopMeasurement()
    }

    // The live reading of body signals: one breathing and one skin sample per step, through
    // causal filters, detectors and rolling rates (issue #4 target: at most 1 µs per sample).
    let perSample = BenchmarkMetric.custom("ns per sample", polarity: .prefersSmaller, useScalingFactor: false)
    Benchmark(
        "Signals: streaming update, 1,000,000 breathing + skin samples",
        configuration: .init(metrics: [.wallClock, .mallocCountTotal, perSample], maxIterations: 10)
    ) { benchmark in
        var stream: BodySignalStream
        do {
            stream = try BodySignalStream(sampleRate: 25)
        } catch {
            preconditionFailure("\(error)")
        }
        var rng = SeededGenerator(seed: 5)
        let breath = (0..<1_000).map { sin(Double($0) * 0.05) + rng.nextGaussian(deviation: 0.03) }
        let skin = (0..<1_000).map { 5 + 0.2 * sin(Double($0) * 0.01) + rng.nextGaussian(deviation: 0.001) }
        let clock = ContinuousClock()
        let start = clock.now
        benchmark.startMeasurement()
        for i in 0..<1_000_000 {
            blackHole(stream.breath(breath[i % 1_000], at: i * 40))
            blackHole(stream.skin(skin[i % 1_000], at: i * 40))
        }
        benchmark.stopMeasurement()
        let elapsed = start.duration(to: clock.now)
        let nanoseconds = Double(elapsed.components.seconds) * 1e9 + Double(elapsed.components.attoseconds) / 1e9
        benchmark.measurement(perSample, Int((nanoseconds / 2_000_000).rounded()))
        blackHole(stream.breathing.perMinute)
    }

    // A whole station, as `unknot simulate --speed max --record` runs it.
    func simulation(_ name: String, program: String, minutes: Int, persona: String, record: Bool) {
        Benchmark(name) { benchmark in
            let catalog = Fixtures.catalog()
            for _ in benchmark.scaledIterations {
                var station: SimulatedStation
                do {
                    station = try SimulatedStation.planned(
                        program: catalog.program(id: program)!, minutes: minutes,
                        persona: Persona.named(persona, seed: 1)!, date: Fixtures.day, seed: 1)
                } catch {
                    preconditionFailure("\(error)")
                }
                let path = FileManager.default.temporaryDirectory.appendingPathComponent("bench-\(UUID()).jsonl").path
                let writer =
                    record
                    ? try? SessionRecordWriter(
                        path: path,
                        header: SessionRecordHeader(
                            plan: station.engine.plan, carePlan: station.engine.carePlan, startedAt: 0, client: persona)
                    )
                    : nil
                var batch: [TimedEvent] = []
                batch.reserveCapacity(1_024)
                while station.step() {
                    if !station.pendingEvents.isEmpty {
                        station.takeEvents(into: &batch)
                        try? writer?.append(batch, now: station.engine.now)
                        batch.removeAll(keepingCapacity: true)
                    }
                }
                try? writer?.finish(with: station.engine.summary())
                blackHole(station.engine.summary())
                try? FileManager.default.removeItem(atPath: path)
            }
        }
    }
    simulation(
        "Simulate 30-minute Neck & Shoulders, tender persona, with record", program: "neck-jaw-shoulders", minutes: 30,
        persona: "tender-left-trapezius", record: true)
    simulation(
        "Simulate 30-minute Total Back, random persona, with record", program: "total-back", minutes: 30,
        persona: "random", record: true)
    simulation(
        "Simulate 30-minute Total Back, random persona, no record", program: "total-back", minutes: 30,
        persona: "random", record: false)
    simulation(
        "Simulate 90-minute Total Back, random persona, no record", program: "total-back", minutes: 90,
        persona: "random", record: false)
}
