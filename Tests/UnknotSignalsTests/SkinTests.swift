import Foundation
import Testing
import UnknotCore
import UnknotSignals

/// Skin conductance responses on a recording with known responses.
@Suite("Skin conductance")
struct SkinTests {
    @Test("Every response is found near its time, with its rise, on a drifting tonic level")
    func responses() throws {
        let rate = 32.0
        let seconds = 240.0
        let onsets: [Double] = [20, 55, 90, 130, 170, 205]
        var rng = SeededGenerator(seed: 3)
        let signal = (0..<Int(seconds * rate)).map { i -> Double in
            let t = Double(i) / rate
            var value = 5 + 0.004 * t
            for onset in onsets where t > onset {
                let s = t - onset
                value += 0.6 * (exp(-s / 4) - exp(-s / 0.75))
            }
            return value + rng.nextGaussian(deviation: 0.002)
        }
        let processor = try EDAProcessor(sampleRate: rate)
        let (tonic, phasic) = try processor.split(try processor.clean(signal))
        let found = processor.responses(phasic)
        // Every true response, rising well; anything else the method reports (ripples of the
        // high-pass around a response) is small.
        let large = found.filter { ($0.amplitude ?? 0) > 0.1 }
        #expect(large.count == onsets.count)
        for onset in onsets {
            #expect(large.contains { Double($0.peak) / rate > onset && Double($0.peak) / rate < onset + 4 })
        }
        // The tonic level follows the slow drift (5 µS rising), not the responses.
        #expect(abs(tonic[tonic.count / 2] - (5 + 0.004 * seconds / 2)) < 0.3)
    }
}
