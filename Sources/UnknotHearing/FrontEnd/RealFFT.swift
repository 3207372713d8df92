import Foundation

/// The magnitude spectrum of a real frame whose length is a power of two: an iterative radix-2
/// FFT over precomputed twiddles and bit-reversal order.
///
/// Guarantees: ``magnitudes(of:into:)`` allocates nothing; the result matches the discrete
/// Fourier transform's magnitudes |X[k]| for k = 0…n/2 to floating-point rounding.
public struct RealFFT: Sendable {
    public let size: Int
    private let cosines: [Float]
    private let sines: [Float]
    private let reversed: [Int]
    private var real: [Float]
    private var imaginary: [Float]

    /// A transform of 2^`log2Size` points (at least 2).
    public init(log2Size: Int) {
        let size = 1 << min(max(log2Size, 1), 20)
        self.size = size
        cosines = (0..<size / 2).map { Float(cos(2 * Double.pi * Double($0) / Double(size))) }
        sines = (0..<size / 2).map { Float(-sin(2 * Double.pi * Double($0) / Double(size))) }
        let bits = size.trailingZeroBitCount
        reversed = (0..<size).map { i in
            var r = 0
            for b in 0..<bits where i & (1 << b) != 0 { r |= 1 << (bits - 1 - b) }
            return r
        }
        real = Array(repeating: 0, count: size)
        imaginary = Array(repeating: 0, count: size)
    }

    /// |X[k]| for k = 0…size/2 of `frame` (zero-padded to `size`) into `out` (size/2 + 1 values).
    public mutating func magnitudes(of frame: UnsafeBufferPointer<Float>, into out: UnsafeMutableBufferPointer<Float>) {
        for i in 0..<size {
            let j = reversed[i]
            real[i] = j < frame.count ? frame[j] : 0
            imaginary[i] = 0
        }
        var half = 1
        while half < size {
            let step = size / (2 * half)
            var start = 0
            while start < size {
                for k in 0..<half {
                    let wr = cosines[k * step]
                    let wi = sines[k * step]
                    let a = start + k
                    let b = a + half
                    let tr = real[b] * wr - imaginary[b] * wi
                    let ti = real[b] * wi + imaginary[b] * wr
                    real[b] = real[a] - tr
                    imaginary[b] = imaginary[a] - ti
                    real[a] += tr
                    imaginary[a] += ti
                }
                start += 2 * half
            }
            half *= 2
        }
        for k in 0...(size / 2) where k < out.count {
            out[k] = (real[k] * real[k] + imaginary[k] * imaginary[k]).squareRoot()
        }
    }
}
