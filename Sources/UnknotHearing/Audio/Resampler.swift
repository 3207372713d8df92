import Foundation

/// Sample-rate conversion by a rational factor with a Kaiser-windowed sinc filter (polyphase), as
/// audio tools do it: the pass band kept to 94 % of the lower Nyquist frequency, the stop band
/// attenuated by about 90 dB (β = 9), 24 zero crossings each side.
///
/// Guarantees: from 16 kHz to 16 kHz the samples are returned unchanged; otherwise no component
/// above the output's Nyquist frequency folds back into the band YAMNet hears (checked with tones
/// in `ResamplerTests`); the output has ⌈n × out / in⌉ samples, aligned with the input in time.
public struct Resampler: Sendable {
    public let inputRate: Int
    public let outputRate: Int
    /// Up by `up`, down by `down` (the rates over their greatest common divisor).
    let up: Int
    let down: Int
    /// Taps each side of the centre, in input samples.
    let half: Int
    /// `up` phases × `2 × half` taps.
    let table: [Float]

    public init(from inputRate: Int, to outputRate: Int = 16_000) {
        self.inputRate = max(inputRate, 1)
        self.outputRate = max(outputRate, 1)
        let divisor = Self.gcd(self.inputRate, self.outputRate)
        up = self.outputRate / divisor
        down = self.inputRate / divisor
        let ratio = min(1, Double(up) / Double(down))
        let cutoff = 0.5 * ratio * 0.94  // cycles per input sample
        let crossings = 24.0
        half = Int((crossings / ratio).rounded(.up))
        let beta = 9.0
        let norm = Self.besselI0(beta)
        var table = [Float](repeating: 0, count: up * 2 * half)
        for phase in 0..<up {
            let fraction = Double(phase) / Double(up)
            for j in 0..<(2 * half) {
                let t = fraction + Double(half - 1 - j)  // input samples from the tap to the output instant
                let x = t / Double(half)
                guard abs(x) < 1 else { continue }
                let argument = 2 * cutoff * t
                let sinc = argument == 0 ? 1 : sin(Double.pi * argument) / (Double.pi * argument)
                let window = Self.besselI0(beta * (1 - x * x).squareRoot()) / norm
                table[phase * 2 * half + j] = Float(2 * cutoff * sinc * window)
            }
        }
        self.table = table
    }

    /// The whole signal at the output rate.
    public func resample(_ input: [Float]) -> [Float] {
        guard up != down else { return input }
        let count = (input.count * up + down - 1) / down
        var output = [Float](repeating: 0, count: count)
        let taps = 2 * half
        input.withUnsafeBufferPointer { x in
            table.withUnsafeBufferPointer { h in
                for n in 0..<count {
                    let position = n * down
                    let base = position / up
                    let phase = position % up
                    let first = base - half + 1
                    var sum: Float = 0
                    let row = phase * taps
                    let lower = max(0, -first)
                    let upper = min(taps, x.count - first)
                    if lower < upper {
                        for j in lower..<upper {
                            sum += x[first + j] * h[row + j]
                        }
                    }
                    output[n] = sum
                }
            }
        }
        return output
    }

    static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }

    /// The modified Bessel function of the first kind, order 0 (its series).
    static func besselI0(_ x: Double) -> Double {
        var sum = 1.0
        var term = 1.0
        var k = 1.0
        while term > 1e-12 * sum {
            term *= (x / (2 * k)) * (x / (2 * k))
            sum += term
            k += 1
        }
        return sum
    }
}
