import Foundation

/// Power spectral density by Welch's method, as `scipy.signal.welch(x, fs, window="hann",
/// nperseg, noverlap=nperseg/2, nfft, detrend=False, scaling="density", average="mean")`:
/// periodic Hann windows, half-overlapping segments, one-sided density.
public enum Welch {
    /// Frequencies (Hz) and power densities.
    public static func density(_ x: [Double], sampleRate: Double, segment: Int, fftLength: Int) throws(SignalError)
        -> (frequencies: [Double], power: [Double])
    {
        guard segment >= 2, segment <= x.count else {
            throw .tooShort(samples: x.count, needed: max(segment, 2) - 1, what: "Welch's method")
        }
        let nfft = max(fftLength, segment)
        let step = segment - segment / 2
        let window = (0..<segment).map { 0.5 - 0.5 * cos(2 * Double.pi * Double($0) / Double(segment)) }
        let scale = 1 / (sampleRate * window.reduce(0) { $0 + $1 * $1 })
        let bins = nfft / 2 + 1
        var power = [Double](repeating: 0, count: bins)
        let transform = FourierTransform(count: nfft)
        // Segments start every `step` samples; two real segments share one complex transform
        // (the real one in the real part, the other in the imaginary part).
        var starts: [Int] = []
        var start = 0
        while start + segment <= x.count {
            starts.append(start)
            start += step
        }
        let segments = starts.count
        var pair = 0
        while pair < starts.count {
            let a = starts[pair]
            let b = pair + 1 < starts.count ? starts[pair + 1] : nil
            var buffer = [Complex](repeating: Complex(0), count: nfft)
            for i in 0..<segment {
                buffer[i] = Complex(x[a + i] * window[i], b.map { x[$0 + i] * window[i] } ?? 0)
            }
            let z = transform.forward(buffer)
            for k in 0..<bins {
                let zk = z[k]
                let zc = z[(nfft - k) % nfft]
                // A[k] = (Z[k] + conj Z[N-k]) / 2, B[k] = (Z[k] - conj Z[N-k]) / 2i
                let aRe = (zk.re + zc.re) / 2
                let aIm = (zk.im - zc.im) / 2
                power[k] += (aRe * aRe + aIm * aIm) * scale
                if b != nil {
                    let bRe = (zk.im + zc.im) / 2
                    let bIm = (zc.re - zk.re) / 2
                    power[k] += (bRe * bRe + bIm * bIm) * scale
                }
            }
            pair += 2
        }
        for k in 0..<bins {
            power[k] /= Double(segments)
            let edge = k == 0 || (nfft % 2 == 0 && k == bins - 1)
            if !edge { power[k] *= 2 }
        }
        let frequencies = (0..<bins).map { Double($0) * sampleRate / Double(nfft) }
        return (frequencies, power)
    }
}
