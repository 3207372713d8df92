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
