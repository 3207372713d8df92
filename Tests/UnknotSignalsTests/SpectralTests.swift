import Foundation
import Testing
import UnknotCore
import UnknotSignals

/// Interpolation, Fourier transforms and spectra, checked against their definitions.
@Suite("Spectra")
struct SpectralTests {
    @Test("The quadratic spline passes through its points and reproduces any quadratic exactly")
    func spline() throws {
        var rng = SeededGenerator(seed: 4)
        var x: [Double] = [0]
        for _ in 0..<40 { x.append(x.last! + Double.random(in: 0.5...1.5, using: &rng)) }
        let y = x.map { 3 - 0.5 * $0 + 0.02 * $0 * $0 }
        let spline = try QuadraticSpline(x: x, y: y)
        let onPoints = spline.values(at: x)
        for (a, b) in zip(onPoints, y) { #expect(abs(a - b) < 1e-9) }
        let between = stride(from: 0.0, to: x.last!, by: 0.37).map { $0 }
        for (t, v) in zip(between, spline.values(at: between)) {
            #expect(abs(v - (3 - 0.5 * t + 0.02 * t * t)) < 1e-8)
        }
        // Outside the data: the end values (as neurokit2 fills).
        #expect(spline.values(at: [x.last! + 1]) == [y.last!])
    }

    @Test(
        "The FFT equals the DFT's definition, mixed radix and Bluestein alike",
        arguments: [1, 2, 3, 4, 5, 7, 12, 16, 30, 97, 100, 128, 243, 1_000, 1_031])
    func fourier(_ n: Int) {
        var rng = SeededGenerator(seed: UInt64(n))
        let re = (0..<n).map { _ in rng.nextGaussian() }
        let im = (0..<n).map { _ in rng.nextGaussian() }
        let (fr, fi) = FourierTransform(count: n).transform(real: re, imaginary: im)
        var worst = 0.0
        for k in Swift.stride(from: 0, to: n, by: max(1, n / 40)) {
            var sr = 0.0
            var si = 0.0
            for j in 0..<n {
                let angle = -2 * Double.pi * Double((j * k) % n) / Double(n)
                sr += re[j] * cos(angle) - im[j] * sin(angle)
                si += re[j] * sin(angle) + im[j] * cos(angle)
            }
            worst = max(worst, abs(sr - fr[k]), abs(si - fi[k]))
        }
        #expect(worst < 1e-9 * Double(n))
    }

    @Test("Welch's density integrates to the variance and peaks at a sine's frequency")
    func welch() throws {
        var rng = SeededGenerator(seed: 9)
        let rate = 100.0
        let noise = (0..<20_000).map { _ in rng.nextGaussian() }
        let (f, p) = try Welch.density(noise, sampleRate: rate, segment: 1_000, fftLength: 2_000)
        let df = f[1] - f[0]
        let total = p.reduce(0, +) * df
        #expect(abs(total - 1) < 0.05)
        let sine = (0..<10_000).map { sin(2 * Double.pi * 7.5 * Double($0) / rate) }
        let (g, q) = try Welch.density(sine, sampleRate: rate, segment: 2_000, fftLength: 4_000)
        let peak = q.indices.max { q[$0] < q[$1] }!
        #expect(abs(g[peak] - 7.5) < 0.03)
    }

    @Test("Breathing-rate modulation is high-frequency power, slower waves low-frequency power")
    func heartRateSpectrum() throws {
        func peaks(modulation: Double) -> [Int] {
            var t = 0.0
            var out: [Int] = []
            while t < 300 {
                out.append(Int((t * 1_000).rounded()))
                t += 0.85 + 0.05 * sin(2 * Double.pi * modulation * t)
            }
            return out
        }
        let breathing = try HeartRateSpectrum(rPeaks: peaks(modulation: 0.25), sampleRate: 1_000)
        #expect(breathing.hf > 5 * breathing.lf)
        let slow = try HeartRateSpectrum(rPeaks: peaks(modulation: 0.1), sampleRate: 1_000)
        #expect(slow.lf > 5 * slow.hf)
    }
}
