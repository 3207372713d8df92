import Foundation
import PropertyBased
import Testing
import UnknotCore
import UnknotSignals

/// R-peak detection and heart-rate variability on ECGs with known beats.
@Suite("ECG and heart-rate variability")
struct ECGTests {
    /// A synthetic ECG: P, QRS and T waves at known beat times, baseline wander, 50 Hz hum and noise.
    static func ecg(beats: [Double], rate: Double, seconds: Double, seed: UInt64) -> [Double] {
        var rng = SeededGenerator(seed: seed)
        let n = Int(seconds * rate)
        var x = [Double](repeating: 0, count: n)
        func bump(_ center: Double, _ width: Double, _ height: Double) {
            let from = max(0, Int((center - 5 * width) * rate))
            let to = min(n - 1, Int((center + 5 * width) * rate))
            guard from <= to else { return }
            for i in from...to {
                let t = Double(i) / rate - center
                x[i] += height * exp(-t * t / (2 * width * width))
            }
        }
        for b in beats {
            bump(b - 0.16, 0.02, 0.15)
            bump(b - 0.025, 0.008, -0.1)
            bump(b, 0.01, 1.2)
            bump(b + 0.025, 0.008, -0.2)
            bump(b + 0.25, 0.04, 0.3)
        }
        for i in 0..<n {
            let t = Double(i) / rate
            x[i] +=
                0.3 * sin(2 * Double.pi * 0.2 * t) + 0.05 * sin(2 * Double.pi * 50 * t)
                + rng.nextGaussian(deviation: 0.01)
        }
        return x
    }

    @Test("The fused, multi-core QRS search finds the peaks the step-by-step computation finds")
    func fusedSearch() throws {
        // Fifteen minutes at 1000 Hz: long enough to be split over the cores.
        var beats: [Double] = []
        var t = 0.7
        while t < 899 {
            beats.append(t)
            t += 0.8 + 0.1 * sin(t / 5)
        }
        let processor = try ECGProcessor(sampleRate: 1_000)
        let cleaned = try processor.clean(Self.ecg(beats: beats, rate: 1_000, seconds: 900, seed: 5))
        let smooth = PeakFinding.movingMean(PeakFinding.gradientMagnitude(cleaned), size: 100)
        let average = PeakFinding.movingMean(smooth, size: 750)
        let complexes = PeakFinding.regions(where: smooth, exceeds: 1.5, times: average)
        let length = complexes.reduce(0.0) { $0 + Double($1.end - $1.begin) } / Double(complexes.count)
        let stepByStep = PeakFinding.mostProminentPeaks(
            cleaned, in: complexes, minimumLength: length * 0.4, minimumDelay: 300)
        #expect(processor.rPeaks(cleaned) == stepByStep)
        #expect(stepByStep.count == beats.count)
    }

    @Test("Every beat found, within 10 ms, whatever the heart rate and sampling rate")
    func peaksOnSyntheticECG() async {
        await propertyCheck(count: 12, input: Gen.uint64().withoutShrink()) { seed in
            var rng = SeededGenerator(seed: seed)
            let rate = [250.0, 500, 1_000].randomElement(using: &rng)!
            let heart = Double.random(in: 50...110, using: &rng)
            var beats: [Double] = []
            // A heart that beats through the whole recording (neurokit's detector, like any, can
            // mistake wander for a beat in a long silence): beats until 0.2 s before its end, so
            // the last gap is never longer than a beat's own. (Ending at 59.6 s left up to a
            // second of silence, and about one seed in 400 found a peak in it: CI, 2026-12-04.)
            var t = 0.6
            while t < 59.8 {
                beats.append(t)
                t += 60 / heart * Double.random(in: 0.9...1.1, using: &rng)
            }
            let signal = Self.ecg(beats: beats, rate: rate, seconds: 60, seed: seed)
            let peaks: [Int]
            do {
                let processor = try ECGProcessor(sampleRate: rate)
                peaks = processor.rPeaks(try processor.clean(signal))
            } catch {
                Issue.record("seed \(seed): \(error)")
                return
            }
            #expect(peaks.count == beats.count, "seed \(seed): \(peaks.count) peaks for \(beats.count) beats")
            for (peak, beat) in zip(peaks, beats) {
                #expect(abs(Double(peak) / rate - beat) <= 0.010, "seed \(seed)")
            }
        }
    }

    @Test("Every pulse found on a synthetic PPG, within 20 ms of the systolic top")
    func pulsePeaks() throws {
        var rng = SeededGenerator(seed: 21)
        let rate = 100.0
        var beats: [Double] = []
        var t = 0.5
        while t < 119 {
            beats.append(t)
            t += 60 / 68 * Double.random(in: 0.95...1.05, using: &rng)
        }
        let n = Int(120 * rate)
        var x = [Double](repeating: 0, count: n)
        for b in beats {
            // A systolic upstroke and its diastolic tail.
            for i in max(0, Int((b - 0.3) * rate))..<min(n, Int((b + 0.6) * rate)) {
                let s = Double(i) / rate - b
                x[i] += exp(-s * s / (2 * 0.07 * 0.07)) + 0.35 * exp(-(s - 0.3) * (s - 0.3) / (2 * 0.1 * 0.1))
            }
        }
        for i in 0..<n {
            x[i] += 0.4 * sin(2 * Double.pi * 0.15 * Double(i) / rate) + rng.nextGaussian(deviation: 0.01)
        }
        let processor = try PPGProcessor(sampleRate: rate)
        let peaks = processor.systolicPeaks(try processor.clean(x))
        #expect(peaks.count == beats.count)
        for (peak, beat) in zip(peaks, beats) { #expect(abs(Double(peak) / rate - beat) <= 0.02) }
    }

    @Test("Time-domain HRV by hand: intervals 800, 850, 790, 900 ms")
    func timeDomain() {
        let hrv = HeartRateVariability(intervals: [800, 850, 790, 900])
        #expect(abs(hrv.meanNN - 835) < 1e-12)
        // SDNN with one degree of freedom.
        let squares = [800.0, 850, 790, 900].map { ($0 - 835) * ($0 - 835) }.reduce(0, +)
        #expect(abs(hrv.sdnn - (squares / 3).squareRoot()) < 1e-12)
        // Successive differences 50, -60, 110.
        #expect(abs(hrv.rmssd - ((2_500.0 + 3_600 + 12_100) / 3).squareRoot()) < 1e-12)
        // Two differences above 50 ms, out of 3 + 1.
        #expect(abs(hrv.pnn50 - 50) < 1e-12)
        #expect(abs(hrv.heartRate - 60_000 / 835) < 1e-12)
    }

    @Test("The rolling heart rhythm equals the batch figures over the same beats")
    func streamingEqualsBatch() async {
        await propertyCheck(count: 50, input: Gen.uint64().withoutShrink()) { seed in
            var rng = SeededGenerator(seed: seed)
            var rolling = RollingHeartRhythm(window: 60_000)
            var beats: [(t: Int, rr: Double)] = []
            var t = 0
            for _ in 0..<Int.random(in: 2...400, using: &rng) {
                let rr = Double.random(in: 400...1_400, using: &rng)
                t += Int(rr)
                beats.append((t, rr))
                rolling.add(rrMilliseconds: rr, at: t)
            }
            let inWindow = beats.filter { $0.t > t - 60_000 }.map(\.rr)
            let batch = HeartRhythm(rrMilliseconds: inWindow)
            #expect(rolling.count == inWindow.count)
            #expect(abs(rolling.rmssd - batch.rmssd) < 1e-6 * max(1, batch.rmssd))
            #expect(abs(rolling.heartRate - batch.heartRate) < 1e-9 * batch.heartRate)
        }
    }

    @Test("Signal files: columns, headers, comments, and clear errors")
    func signalTable() throws {
        #expect(try SignalTable.column(nil, of: "# comment\nt,ecg\n0,1.5\n1,2.5\n") == [1.5, 2.5])
        #expect(try SignalTable.column(1, of: "0 1.5\n1 2.5\n") == [0, 1])
        #expect(throws: SignalTable.ReadError.noSuchColumn(line: 1, column: 3, found: 2)) {
            try SignalTable.column(3, of: "0 1.5\n1 2.5\n")
        }
        #expect(throws: SignalTable.ReadError.notANumber(line: 3, column: 1, text: "x")) {
            try SignalTable.column(nil, of: "1\n2\nx\n")
        }
        #expect(throws: SignalTable.ReadError.empty) { try SignalTable.column(nil, of: "# nothing\n") }
    }
}
