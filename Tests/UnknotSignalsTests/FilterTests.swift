import Foundation
import Testing
import UnknotSignals

/// Butterworth design and zero-phase filtering, checked against what a Butterworth filter is.
/// (Agreement with scipy to 1e-10 is checked on real recordings by `tools/crosscheck/run`.)
@Suite("Filters")
struct FilterTests {
    /// |H(e^{jω})| of a cascade at `frequency` Hz.
    static func gain(_ sos: SecondOrderSections, at frequency: Double, rate: Double) -> Double {
        let w = 2 * Double.pi * frequency / rate
        var g = 1.0
        for s in sos.sections {
            func mag(_ c0: Double, _ c1: Double, _ c2: Double) -> Double {
                let re = c0 + c1 * cos(w) + c2 * cos(2 * w)
                let im = -c1 * sin(w) - c2 * sin(2 * w)
                return (re * re + im * im).squareRoot()
            }
            g *= mag(s[0], s[1], s[2]) / mag(1, s[3], s[4])
        }
        return g
    }

    @Test(
        "Gain 1 in the pass band, 1/√2 at each cut-off, stable poles",
        arguments: [
            (1, FilterBand.lowpass(40)), (4, .lowpass(3)), (5, .highpass(0.5)), (2, .highpass(0.05)),
            (3, .bandpass(0.5, 8)), (2, .bandpass(0.05, 3)), (4, .bandpass(5, 15)),
        ])
    func response(_ order: Int, _ band: FilterBand) throws {
        let rate = 1_000.0
        let sos = try Butterworth.design(order: order, band: band, sampleRate: rate)
        #expect(sos.sections.count == (order + 1) / 2 || sos.sections.count == order)
        for f in band.frequencies {
            #expect(abs(Self.gain(sos, at: f, rate: rate) - 1 / 2.0.squareRoot()) < 1e-6)
        }
        switch band {
        case .lowpass(let f): #expect(abs(Self.gain(sos, at: f / 100, rate: rate) - 1) < 1e-4)
        case .highpass(let f): #expect(abs(Self.gain(sos, at: min(f * 100, 400), rate: rate) - 1) < 1e-6)
        case .bandpass(let low, let high):
            #expect(abs(Self.gain(sos, at: (low * high).squareRoot(), rate: rate) - 1) < 1e-9)
        }
        for s in sos.sections { #expect(s[4] < 1 && abs(s[3]) < 1 + s[4]) }
    }

    @Test("Zero-phase filtering keeps a pass-band sine where it was, and is squared at the cut-off")
    func zeroPhase() throws {
        let rate = 250.0
        let sos = try Butterworth.design(order: 4, band: .lowpass(10), sampleRate: rate)
        let sine = (0..<5_000).map { sin(2 * Double.pi * 1.0 * Double($0) / rate) }
        let out = try sos.zeroPhase(sine)
        let middle = 1_000..<4_000
        #expect(middle.allSatisfy { abs(out[$0] - sine[$0]) < 1e-4 })
        let atCutoff = (0..<5_000).map { sin(2 * Double.pi * 10 * Double($0) / rate) }
        let half = try sos.zeroPhase(atCutoff)
        let amplitude = middle.map { abs(half[$0]) }.max()!
        #expect(abs(amplitude - 0.5) < 0.01)
    }

    @Test("A constant stays constant: the initial conditions are the steady state")
    func steadyState() throws {
        let x = Array(repeating: 3.5, count: 400)
        let sos = try Butterworth.design(order: 3, band: .lowpass(5), sampleRate: 100)
        #expect(try sos.zeroPhase(x).allSatisfy { abs($0 - 3.5) < 1e-9 })
        let average = try LinearFilter.movingAverage(width: 20)
        #expect(try average.zeroPhase(x).allSatisfy { abs($0 - 3.5) < 1e-12 })
        #expect(average.filtered(x, states: average.steadyState.map { $0 * 3.5 }).allSatisfy { abs($0 - 3.5) < 1e-12 })
    }

    @Test("A moving average from any state equals the direct sum over the earlier inputs it stands for")
    func movingAverageFromState() throws {
        let average = try LinearFilter.movingAverage(width: 5)
        let earlier = [0.3, -1.2, 2.5, 0.7]  // x[-4] ... x[-1]
        // The state those inputs leave: z[k] = (x[-1] + … + x[k-4]) / 5.
        let state = (0..<4).map { k in earlier[k...].reduce(0, +) / 5 }
        let x = (0..<3_000).map { sin(Double($0) * 0.37) * 3 + Double($0 % 7) }
        let out = average.filtered(x, states: state)
        let all = earlier + x
        for i in [0, 1, 2, 3, 4, 1_023, 1_024, 1_025, 2_999] {
            let direct = all[i..<(i + 5)].reduce(0, +) / 5
            #expect(abs(out[i] - direct) < 1e-12)
        }
    }

    /// A drifting, noisy, spiky test signal (a fixed pseudo-random sequence).
    static func longSignal(_ count: Int) -> [Double] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var drift = 0.0
        return (0..<count).map { i in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let noise = Double(state >> 11) / Double(1 << 53) - 0.5
            drift += noise * 0.01
            return drift + sin(Double(i) * 0.0063) + (i % 800 < 12 ? 3 : 0) + noise * 0.1
        }
    }

    @Test(
        "Long signals, split over the cores, give the one-pass result",
        arguments: [(5, FilterBand.highpass(0.5)), (4, .bandpass(5, 15)), (2, .lowpass(3))])
    func splitEqualsOnePass(_ order: Int, _ band: FilterBand) throws {
        let x = Self.longSignal(900_000)
        let sos = try Butterworth.design(order: order, band: band, sampleRate: 1_000)
        let fast = try sos.zeroPhase(x)
        let reference = Self.referenceZeroPhase(sos, x)
        let peak = reference.map(abs).max() ?? 1
        let error = zip(fast, reference).map { abs($0 - $1) }.max() ?? .infinity
        #expect(error / peak < 1e-10, "largest difference \(error) against a peak of \(peak)")
    }

    /// sosfiltfilt with all sections together per sample (as scipy runs it), single-threaded.
    static func referenceZeroPhase(_ sos: SecondOrderSections, _ x: [Double]) -> [Double] {
        let pad = sos.padLength
        var y = Array(x[1...pad].reversed().map { 2 * x[0] - $0 })
        y += x
        y += x[(x.count - 1 - pad)..<(x.count - 1)].reversed().map { 2 * x[x.count - 1] - $0 }
        func pass(_ y: inout [Double]) {
            let first = y[0]
            var z = sos.steadyState.map { [$0.0 * first, $0.1 * first] }
            for i in y.indices {
                var value = y[i]
                for (k, s) in sos.sections.enumerated() {
                    let output = s[0] * value + z[k][0]
                    z[k][0] = s[1] * value - s[3] * output + z[k][1]
                    z[k][1] = s[2] * value - s[4] * output
                    value = output
                }
                y[i] = value
            }
        }
        pass(&y)
        y.reverse()
        pass(&y)
        y.reverse()
        return Array(y[pad..<(pad + x.count)])
    }

    @Test("A long moving average, split over the cores, is the direct mean of each window")
    func longMovingAverage() throws {
        let x = Self.longSignal(700_000)
        let width = 20
        let once = try LinearFilter.movingAverage(width: width).filtered(x)
        for i in stride(from: width, to: x.count, by: 9_973) {
            let direct = x[(i - width + 1)...i].reduce(0, +) / Double(width)
            #expect(abs(once[i] - direct) < 1e-9)
        }
        let smooth = PeakFinding.movingMean(x, size: 750)
        for i in stride(from: 400, to: x.count - 400, by: 7_919) {
            let direct = x[(i - 375)..<(i + 375)].reduce(0, +) / 750
            #expect(abs(smooth[i] - direct) < 1e-9)
        }
    }

    @Test("ECG cleaning in two buffers equals the two zero-phase filters one after the other")
    func cleaningChain() throws {
        let x = Self.longSignal(600_000)
        let processor = try ECGProcessor(sampleRate: 1_000)
        let chained = try processor.clean(x)
        let highpass = try Butterworth.design(order: 5, band: .highpass(0.5), sampleRate: 1_000)
        let separate = try LinearFilter.movingAverage(width: 20).zeroPhase(highpass.zeroPhase(x))
        #expect(chained.count == x.count)
        #expect(zip(chained, separate).allSatisfy { abs($0 - $1) < 1e-12 })
    }

    @Test("Impossible filters and short signals get clear errors")
    func errors() {
        #expect(throws: SignalError.self) { try Butterworth.design(order: 2, band: .lowpass(600), sampleRate: 1_000) }
        #expect(throws: SignalError.self) { try Butterworth.design(order: 0, band: .lowpass(6), sampleRate: 1_000) }
        #expect(throws: SignalError.self) { try Butterworth.design(order: 2, band: .bandpass(8, 3), sampleRate: 1_000) }
        #expect(throws: SignalError.self) { try Butterworth.design(order: 2, band: .lowpass(6), sampleRate: 0) }
        #expect {
            try Butterworth.design(order: 5, band: .highpass(0.5), sampleRate: 1_000).zeroPhase([1, 2, 3])
        } throws: { error in
            String(describing: error).contains("3 samples")
        }
    }
}
