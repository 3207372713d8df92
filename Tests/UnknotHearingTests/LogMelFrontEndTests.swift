import Foundation
import Testing
import UnknotHearing

/// YAMNet's front end in Swift: the FFT is the DFT, a tone lands in its mel band, silence is
/// the log offset, and patches come when and where the reference's do.
@Suite struct LogMelFrontEndTests {
    @Test("The FFT's magnitudes are the DFT's, for random frames")
    func fftIsTheDFT() {
        var generator = SystemRandomNumberGenerator()
        var fft = RealFFT(log2Size: 6)
        for _ in 0..<20 {
            let frame = (0..<50).map { _ in Float.random(in: -1...1, using: &generator) }
            var out = [Float](repeating: 0, count: 33)
            frame.withUnsafeBufferPointer { input in
                out.withUnsafeMutableBufferPointer { fft.magnitudes(of: input, into: $0) }
            }
            for k in 0...32 {
                var re = 0.0
                var im = 0.0
                for (n, x) in frame.enumerated() {
                    re += Double(x) * cos(2 * .pi * Double(k * n) / 64)
                    im -= Double(x) * sin(2 * .pi * Double(k * n) / 64)
                }
                #expect(abs(Double(out[k]) - (re * re + im * im).squareRoot()) < 1e-4)
            }
        }
    }

    static func patches(_ samples: [Float], hop: Int = 48) -> [[Float]] {
        var front = LogMelFrontEnd(patchHop: hop)
        var out: [[Float]] = []
        var patch = [Float](repeating: 0, count: 96 * 64)
        for chunk in stride(from: 0, to: samples.count, by: 1_000) {
            let ready = samples[chunk..<min(chunk + 1_000, samples.count)].withUnsafeBufferPointer { front.push($0) }
            for _ in 0..<ready {
                patch.withUnsafeMutableBufferPointer { front.patch(into: $0) }
                out.append(patch)
            }
        }
        return out
    }

    @Test("The first patch comes after 15,600 samples (96 frames), then every 48 frames")
    func patchCadence() {
        #expect(Self.patches([Float](repeating: 0, count: 15_599)).isEmpty)
        #expect(Self.patches([Float](repeating: 0, count: 15_600)).count == 1)
        #expect(Self.patches([Float](repeating: 0, count: 15_600 + 48 * 160)).count == 2)
        #expect(Self.patches([Float](repeating: 0, count: 15_600 + 10 * 160), hop: 10).count == 2)
    }

    @Test("Silence is ln(0.001) in every band")
    func silence() throws {
        let patch = try #require(Self.patches([Float](repeating: 0, count: 16_000)).first)
        #expect(patch.allSatisfy { abs($0 - log(0.001)) < 1e-6 })
    }

    @Test("A pure tone is loudest in the mel band whose centre is nearest it")
    func toneInItsBand() throws {
        let low = MelFilterbank.mel(125)
        let high = MelFilterbank.mel(7_500)
        for hertz in [250.0, 1_000, 3_000, 6_000] {
            let tone = (0..<16_000).map { Float(0.5 * sin(2 * .pi * hertz * Double($0) / 16_000)) }
            let patch = try #require(Self.patches(tone).first)
            let last = Array(patch[(95 * 64)..<(96 * 64)])
            let loudest = try #require(last.indices.max { last[$0] < last[$1] })
            let centres = (1...64).map { low + (high - low) * Double($0) / 65 }
            let nearest = try #require(
                centres.indices.min {
                    abs(centres[$0] - MelFilterbank.mel(hertz)) < abs(centres[$1] - MelFilterbank.mel(hertz))
                })
            #expect(abs(loudest - nearest) <= 1, "\(hertz) Hz: band \(loudest), expected \(nearest)")
        }
    }

    @Test("Frames are the same however the samples are split")
    func chunking() {
        let noise = (0..<20_000).map { (i: Int) -> Float in
            let t = Double(i)
            return Float(0.3 * sin(t * 0.37) + 0.2 * sin(t * 0.011))
        }
        var whole = LogMelFrontEnd()
        var bits = LogMelFrontEnd()
        var a = [Float](repeating: 0, count: 96 * 64)
        var b = a
        _ = noise.withUnsafeBufferPointer { whole.push($0) }
        for x in noise { _ = [x].withUnsafeBufferPointer { bits.push($0) } }
        a.withUnsafeMutableBufferPointer { whole.patch(into: $0) }
        b.withUnsafeMutableBufferPointer { bits.patch(into: $0) }
        #expect(a == b)
    }

    @Test("On YAMNet's test audio the patch is the reference front end's (numpy, tools/hearing)")
    func goldenPatch() throws {
        let samples = try GoldenFile.int16Audio(GoldenFile.testAudio)
        let expected = try GoldenFile.floats("Tests/UnknotHearingTests/Golden/frontend-test-audio.f32")
        #expect(samples.count == 15_600)
        let patch = try #require(Self.patches(samples).first)
        #expect(patch.count == expected.count)
        let worst = zip(patch, expected).map { abs($0 - $1) }.max() ?? .infinity
        // Float32 against float64: the worst difference seen was 1.0e-5 (2026-12-03).
        #expect(worst < 1e-4, "worst difference \(worst)")
    }
}
