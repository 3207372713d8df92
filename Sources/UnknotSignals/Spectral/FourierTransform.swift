import Foundation

/// Discrete Fourier transform of any length: mixed radix (2, 3, 4, 5) when the length factors
/// into those, Bluestein's chirp-z through a power-of-two transform otherwise.
///
/// Guarantees: `X[k] = Σ x[n]·e^(−2πi·kn/N)`, as `numpy.fft.fft`, to rounding.
public struct FourierTransform: Sendable {
    public let count: Int
    let factors: [Int]
    let twiddles: [Complex]
    /// Bluestein's transform, when the length has other prime factors.
    let chirp: [Complex]?
    let chirpSpectrum: [Complex]?
    let inner: [FourierTransform]

    public init(count: Int) {
        self.count = count
        var n = count
        var f: [Int] = []
        for p in [4, 2, 3, 5] {
            while n > 1, n % p == 0 {
                f.append(p)
                n /= p
            }
        }
        if n == 1 {
            twiddles = Self.roots(count)
            factors = f
            chirp = nil
            chirpSpectrum = nil
            inner = []
        } else {
            // Bluestein: x·w, convolved with conj(w), times w, where w[k] = e^(−πi·k²/N).
            factors = []
            twiddles = []
            // The smallest length at least 2N - 1 made of 2s, 3s and 5s (often far below the next
            // power of two), so the inner transforms stay mixed radix.
            let m = Self.smoothLength(atLeast: 2 * count - 1)
            // w[k] = e^(−2πi·(k² mod 2N)/2N): a 2N-th root of unity, read from their table.
            let doubled = Self.roots(2 * count)
            let w = (0..<count).map { k in doubled[(k * k) % (2 * count)] }
            var b = [Complex](repeating: Complex(0), count: m)
            for k in 0..<count {
                b[k] = Complex(w[k].re, -w[k].im)
                if k > 0 { b[m - k] = b[k] }
            }
            let transform = FourierTransform(count: m)
            chirp = w
            chirpSpectrum = transform.forward(b)
            inner = [transform]
        }
    }

    /// The n-th roots of unity e^(−2πi·k/n), k < n; when n is a multiple of 4, only a quarter
    /// come from cos and sin and the rest by exact rotations of a quarter turn.
    static func roots(_ n: Int) -> [Complex] {
        guard n > 0 else { return [Complex(1, 0)] }
        func root(_ k: Int) -> Complex {
            let angle = -2 * Double.pi * Double(k) / Double(n)
            return Complex(cos(angle), sin(angle))
        }
        guard n % 4 == 0 else { return (0..<n).map(root) }
        let quarter = n / 4
        var table = [Complex](repeating: Complex(0), count: n)
        for k in 0..<quarter {
            let w = root(k)
            table[k] = w
            table[k + quarter] = Complex(w.im, -w.re)  // × −i
            table[k + 2 * quarter] = Complex(-w.re, -w.im)  // × −1
            table[k + 3 * quarter] = Complex(-w.im, w.re)  // × i
        }
        return table
    }

    /// The transform of the complex signal `real + i·imaginary`.
    public func transform(real: [Double], imaginary: [Double]) -> (real: [Double], imaginary: [Double]) {
        let out = forward((0..<count).map { Complex(real[$0], $0 < imaginary.count ? imaginary[$0] : 0) })
        return (out.map(\.re), out.map(\.im))
    }

    /// The smallest n ≥ `minimum` whose only prime factors are 2, 3 and 5.
    static func smoothLength(atLeast minimum: Int) -> Int {
        var best = Int.max
        var p2 = 1
        while p2 < 2 * minimum {
            var p23 = p2
            while p23 < 2 * minimum {
                var p235 = p23
                while p235 < minimum { p235 *= 5 }
                best = min(best, p235)
                p23 *= 3
            }
            p2 *= 2
        }
        return best
    }

    /// The transform of `x`.
    func forward(_ x: [Complex]) -> [Complex] {
        precondition(x.count == count, "the transform was made for \(count) points")
        if let chirp, let chirpSpectrum, let transform = inner.first {
            let m = transform.count
            var a = [Complex](repeating: Complex(0), count: m)
            for k in 0..<count { a[k] = x[k] * chirp[k] }
            var spectrum = transform.forward(a)
            for k in 0..<m { spectrum[k] = spectrum[k] * chirpSpectrum[k] }
            // Inverse through the forward transform: conj(F(conj(X)))/m.
            for k in 0..<m { spectrum[k].im = -spectrum[k].im }
            let back = transform.forward(spectrum)
            return (0..<count).map { k in
                Complex(back[k].re / Double(m), -back[k].im / Double(m)) * chirp[k]
            }
        }
        var output = [Complex](repeating: Complex(0), count: count)
        x.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                twiddles.withUnsafeBufferPointer { w in
                    recurse(input, out, w, 0, 1, count, 0, 0)
                }
            }
        }
        return output
    }

    /// Decimation in time over the factor list: `x` read with `stride` from `offset`, the
    /// transform written to `out[outOffset ..< outOffset + n]`.
    private func recurse(
        _ x: UnsafeBufferPointer<Complex>, _ out: UnsafeMutableBufferPointer<Complex>,
        _ w: UnsafeBufferPointer<Complex>,
        _ offset: Int, _ stride: Int, _ n: Int, _ level: Int, _ outOffset: Int
    ) {
        if n == 1 {
            out[outOffset] = x[offset]
            return
        }
        let p = factors[level]
        let m = n / p
        for r in 0..<p {
            recurse(x, out, w, offset + r * stride, stride * p, m, level + 1, outOffset + r * m)
        }
        let step = count / n
        let sqrt3 = 3.0.squareRoot() / 2
        for k in 0..<m {
            let base = outOffset + k
            switch p {
            case 2:
                let a0 = out[base]
                let a1 = out[base + m] * w[k * step]
                out[base] = a0 + a1
                out[base + m] = a0 - a1
            case 4:
                let a0 = out[base]
                let a1 = out[base + m] * w[k * step]
                let a2 = out[base + 2 * m] * w[2 * k * step]
                let a3 = out[base + 3 * m] * w[3 * k * step]
                let s02 = a0 + a2
                let d02 = a0 - a2
                let s13 = a1 + a3
                let d13 = a1 - a3
                // −i·d13
                let rot = Complex(d13.im, -d13.re)
                out[base] = s02 + s13
                out[base + m] = d02 + rot
                out[base + 2 * m] = s02 - s13
                out[base + 3 * m] = d02 - rot
            case 3:
                let a0 = out[base]
                let a1 = out[base + m] * w[k * step]
                let a2 = out[base + 2 * m] * w[2 * k * step]
                let sum = a1 + a2
                let diff = a1 - a2
                let mid = a0 - 0.5 * sum
                // −i·(√3/2)·diff
                let rot = Complex(sqrt3 * diff.im, -sqrt3 * diff.re)
                out[base] = a0 + sum
                out[base + m] = mid + rot
                out[base + 2 * m] = mid - rot
            default:
                var a = (Complex(0), Complex(0), Complex(0), Complex(0), Complex(0))
                a.0 = out[base]
                a.1 = out[base + m] * w[k * step]
                a.2 = out[base + 2 * m] * w[2 * k * step]
                a.3 = out[base + 3 * m] * w[3 * k * step]
                a.4 = out[base + 4 * m] * w[4 * k * step]
                let fifth = count / 5
                for q in 0..<5 {
                    var sum = a.0
                    sum = sum + a.1 * w[(q % 5) * fifth]
                    sum = sum + a.2 * w[((2 * q) % 5) * fifth]
                    sum = sum + a.3 * w[((3 * q) % 5) * fifth]
                    sum = sum + a.4 * w[((4 * q) % 5) * fifth]
                    out[base + q * m] = sum
                }
            }
        }
    }
}
