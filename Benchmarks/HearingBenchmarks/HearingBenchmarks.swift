import Benchmark
import Foundation
import UnknotHearing

/// Targets (issue #16, release build, one core): one YAMNet patch in at most 20 ms, within 10× of
/// LiteRT's own time for the same patch (tools/hearing/run prints both in one run); nothing
/// allocated per patch. Run with `swift package benchmark --target HearingBenchmarks`; figures go
/// in docs/benchmarks.md.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal], timeUnits: .milliseconds, maxDuration: .seconds(10),
        maxIterations: 200)

    let network: QuantizedNetwork
    do {
        network = try YAMNet.network()
    } catch {
        preconditionFailure("the benchmark needs the shipped YAMNet: \(error)")
    }
    // A patch of log-mel values that vary like sound's (deterministic): every layer does its full work.
    let patch = (0..<(96 * 64)).map { (i: Int) -> Float in
        let wave: Double = 3 * sin(Double(i) * 0.37)
        let drift: Double = 2 * cos(Double(i / 64) * 0.11)
        return Float(wave + drift - 4)
    }

    Benchmark("YAMNet network, one patch (96 × 64 → 521 scores)") { benchmark in
        let inference = NetworkInference(network)
        var scores = [Float](repeating: 0, count: network.outputCount)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            patch.withUnsafeBufferPointer { input in
                scores.withUnsafeMutableBufferPointer { inference.scores(for: input, into: $0) }
            }
        }
        benchmark.stopMeasurement()
        blackHole(scores)
    }

    // Ten seconds of sound through the front end and the network, windows every 0.48 s.
    let audio = (0..<160_000).map { (i: Int) -> Float in
        let tone: Double = sin(Double(i) * 0.05)
        let swell: Double = sin(Double(i) * 0.0007)
        return Float(0.3 * tone * swell)
    }
    Benchmark("Listening: 10 s of 16 kHz audio (front end + 19 windows)") { benchmark in
        let classifier = SoundClassifier(network: network)
        var heard = 0
        benchmark.startMeasurement()
        audio.withUnsafeBufferPointer { samples in
            classifier.push(samples) { _, _ in heard += 1 }
        }
        benchmark.stopMeasurement()
        blackHole(heard)
    }
    tableListenerBenchmarks()
}

/// The station's ears as a station runs them: 10 s of audio in 10 ms blocks through the
/// `TableListener` (a window every 0.24 s: 40 windows) with the shipped calibration.
let tableListenerBenchmarks: @Sendable () -> Void = {
    guard let network = try? YAMNet.network(), let calibration = try? HearingCalibration.shipped() else {
        preconditionFailure("the benchmark needs the shipped YAMNet and hearing calibration")
    }
    let audio = (0..<160_000).map { (i: Int) -> Float in
        let tone: Double = sin(Double(i) * 0.05)
        let swell: Double = sin(Double(i) * 0.0007)
        return Float(0.3 * tone * swell)
    }
    Benchmark("Table listener: 10 s of audio in 10 ms blocks (40 windows, labels)") { benchmark in
        let listener = TableListener(network: network, calibration: calibration)
        var labels = 0
        benchmark.startMeasurement()
        audio.withUnsafeBufferPointer { samples in
            var offset = 0
            while offset < samples.count {
                listener.listen(UnsafeBufferPointer(rebasing: samples[offset..<(offset + 160)])) { _, _ in labels += 1 }
                offset += 160
            }
        }
        benchmark.stopMeasurement()
        blackHole(labels)
    }
}
