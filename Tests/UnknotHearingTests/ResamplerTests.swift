import Foundation
import Testing

@testable import UnknotHearing

@Suite("Resampling to 16 kHz keeps what YAMNet hears and lets nothing fold back")
struct ResamplerTests {
    static func tone(_ hertz: Double, rate: Int, seconds: Double = 1) -> [Float] {
        (0..<Int(Double(rate) * seconds)).map { Float(0.5 * sin(2 * Double.pi * hertz * Double($0) / Double(rate))) }
    }

    @Test("16 kHz passes unchanged", arguments: [16_000])
    func identity(rate: Int) {
        let x = Self.tone(440, rate: rate)
        #expect(Resampler(from: rate).resample(x) == x)
    }

    @Test(
        "A 1 kHz tone at 8, 22.05, 44.1 and 48 kHz becomes the same tone at 16 kHz",
        arguments: [8_000, 22_050, 44_100, 48_000])
    func tone(rate: Int) {
        let y = Resampler(from: rate).resample(Self.tone(1_000, rate: rate))
        let expected = Self.tone(1_000, rate: 16_000)
        #expect(abs(y.count - expected.count) <= 1)
        // Away from the ends, where the filter sees past the signal.
        let worst = (400..<15_600).map { abs(y[$0] - expected[$0]) }.max() ?? 1
        #expect(worst < 2e-3, "worst \(worst) at \(rate) Hz")
    }

    @Test("A tone above 8 kHz at 44.1 and 48 kHz is removed, not folded into the band", arguments: [44_100, 48_000])
    func aliasing(rate: Int) {
        let y = Resampler(from: rate).resample(Self.tone(12_000, rate: rate))
        let power = (400..<15_600).map { Double($0 < y.count ? y[$0] * y[$0] : 0) }.reduce(0, +) / 15_200
        let decibels = 10 * log10(max(power, 1e-30) / 0.125)
        #expect(decibels < -60, "\(decibels) dB left at \(rate) Hz")
    }
}
