import Foundation

/// Butterworth filter design, digital, as second-order sections: the same filter as
/// `scipy.signal.butter(order, cutoff, btype, output="sos", fs=rate)` (analog prototype, band
/// transform, bilinear transform with pre-warping).
public enum Butterworth {
    /// Designs an `order`-order Butterworth filter for signals sampled at `sampleRate` Hz.
    public static func design(order: Int, band: FilterBand, sampleRate: Double) throws(SignalError)
        -> SecondOrderSections
    {
        guard sampleRate > 0, sampleRate.isFinite else { throw .badSampleRate(sampleRate) }
        guard (1...24).contains(order) else { throw .badFilter("order \(order) is outside 1...24") }
        let nyquist = sampleRate / 2
        for f in band.frequencies where !(f > 0 && f < nyquist) {
            throw .badFilter("cut-off \(f) Hz must lie between 0 and the Nyquist frequency \(nyquist) Hz")
        }
        if case .bandpass(let low, let high) = band, low >= high {
            throw .badFilter("the band \(low)-\(high) Hz is empty; give the lower frequency first")
        }
        // Pre-warped analog frequencies on the normalised scale scipy uses (fs = 2).
        let fs = 2.0
        func warp(_ f: Double) -> Double { 2 * fs * tan(Double.pi * (f / nyquist) / fs) }
        // Analog prototype: poles on the left half of the unit circle, no zeros, gain 1.
        var poles: [Complex] = []
        for m in stride(from: -order + 1, through: order - 1, by: 2) {
            let angle = Double.pi * Double(m) / Double(2 * order)
            poles.append(-Complex(cos(angle), sin(angle)))
        }
        var zeros: [Complex] = []
        var gain = 1.0
        switch band {
        case .lowpass(let f):
            let w = warp(f)
            poles = poles.map { w * $0 }
            gain = pow(w, Double(order))
        case .highpass(let f):
            let w = warp(f)
            var product = Complex(1)
            for p in poles { product = product * (-p) }
            gain = 1 / product.re
            poles = poles.map { Complex(w) / $0 }
            zeros = Array(repeating: Complex(0), count: order)
        case .bandpass(let low, let high):
            let w1 = warp(low)
            let w2 = warp(high)
            let bandwidth = w2 - w1
            let center = (w1 * w2).squareRoot()
            let scaled = poles.map { (bandwidth / 2) * $0 }
            var transformed: [Complex] = []
            for p in scaled {
                let root = (p * p - Complex(center * center)).squareRoot
                transformed.append(p + root)
            }
            for p in scaled {
                let root = (p * p - Complex(center * center)).squareRoot
                transformed.append(p - root)
            }
            poles = transformed
            zeros = Array(repeating: Complex(0), count: order)
            gain = pow(bandwidth, Double(order))
        }
        // Bilinear transform: s = 2·fs·(z − 1)/(z + 1).
        let fs2 = Complex(2 * fs)
        var digitalPoles = poles.map { (fs2 + $0) / (fs2 - $0) }
        var digitalZeros = zeros.map { (fs2 + $0) / (fs2 - $0) }
        var numerator = Complex(1)
        for z in zeros { numerator = numerator * (fs2 - z) }
        var denominator = Complex(1)
        for p in poles { denominator = denominator * (fs2 - p) }
        gain *= (numerator / denominator).re
        // Zeros at infinity go to z = -1.
        digitalZeros += Array(repeating: Complex(-1), count: poles.count - zeros.count)
        return sections(zeros: &digitalZeros, poles: &digitalPoles, gain: gain)
    }

    /// Groups conjugate pole pairs (and a lone real pole, in its own first-order section) with
    /// zeros, nearest first, and puts the gain in the first section.
    static func sections(zeros: inout [Complex], poles: inout [Complex], gain: Double) -> SecondOrderSections {
        // One pole of each conjugate pair (upper half), and the real poles.
        var pairs = poles.filter { $0.im > 1e-14 }
        let reals = poles.filter { abs($0.im) <= 1e-14 }
        pairs.sort { $0.magnitudeSquared < $1.magnitudeSquared }
        var realZeros = zeros.map(\.re)
        var out: [[Double]] = []
        func takeZero(nearest target: Double) -> Double {
            var best = 0
            for i in realZeros.indices where abs(realZeros[i] - target) < abs(realZeros[best] - target) { best = i }
            return realZeros.remove(at: best)
        }
        var lone = reals.map(\.re).sorted()
        if lone.count % 2 == 1 {
            let p = lone.removeFirst()
            let z = takeZero(nearest: p)
            out.append([1, -z, 0, -p, 0])
        }
        while lone.count >= 2 {
            let p1 = lone.removeFirst()
            let p2 = lone.removeFirst()
            let z1 = takeZero(nearest: p1)
            let z2 = takeZero(nearest: p2)
            out.append([1, -(z1 + z2), z1 * z2, -(p1 + p2), p1 * p2])
        }
        for p in pairs {
            let z1 = takeZero(nearest: p.re)
            let z2 = takeZero(nearest: p.re)
            out.append([1, -(z1 + z2), z1 * z2, -2 * p.re, p.magnitudeSquared])
        }
        if !out.isEmpty {
            for k in 0..<3 { out[0][k] *= gain }
        }
        return SecondOrderSections(sections: out)
    }
}
