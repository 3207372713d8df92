import Foundation

/// Triangular mel bands over an FFT's bins, as YAMNet's front end builds them (TensorFlow's
/// `linear_to_mel_weight_matrix`): the HTK mel scale, mel = 1127 ln(1 + f/700); band edges
/// equally spaced in mel between the lower and upper frequency; each bin weighted by its
/// position between a band's edges *in mel*; the DC bin given no weight.
public struct MelFilterbank: Sendable {
    public let bands: Int
    public let bins: Int
    /// For each band, its first bin and the weights of the bins from there.
    public let firstBin: [Int]
    public let weights: [[Float]]

    public static func mel(_ hertz: Double) -> Double { 1127 * log(1 + hertz / 700) }

    public init(bands: Int, fftSize: Int, sampleRate: Double, lower: Double, upper: Double) {
        self.bands = bands
        bins = fftSize / 2 + 1
        let low = Self.mel(lower)
        let high = Self.mel(upper)
        let edges = (0..<(bands + 2)).map { low + (high - low) * Double($0) / Double(bands + 1) }
        var first: [Int] = []
        var all: [[Float]] = []
        for band in 0..<bands {
            let (left, center, right) = (edges[band], edges[band + 1], edges[band + 2])
            var start = -1
            var row: [Float] = []
            for bin in 1..<bins {
                let m = Self.mel(Double(bin) * sampleRate / Double(fftSize))
                let weight = max(0, min((m - left) / (center - left), (right - m) / (right - center)))
                if weight > 0 {
                    if start < 0 { start = bin }
                    row += Array(repeating: 0, count: bin - start - row.count) + [Float(weight)]
                }
            }
            first.append(max(start, 0))
            all.append(row)
        }
        firstBin = first
        weights = all
    }

    /// The band energies of one magnitude spectrum into `out` (`bands` values).
    public func apply(_ magnitudes: UnsafeBufferPointer<Float>, into out: UnsafeMutableBufferPointer<Float>) {
        for band in 0..<bands {
            var sum: Float = 0
            let start = firstBin[band]
            for (i, w) in weights[band].enumerated() { sum += w * magnitudes[start + i] }
            out[band] = sum
        }
    }
}
