import Foundation

/// A real multiplier below 2³¹ as a Q31 fixed-point value and a power of two, applied the way
/// TensorFlow Lite's reference kernels apply it (gemmlowp's saturating rounding doubling high
/// multiply, then a rounding right shift).
///
/// Guarantees: ``apply(_:)`` gives, bit for bit, `MultiplyByQuantizedMultiplier` of TFLite's
/// reference convolution kernels for the multiplier `QuantizeMultiplier` derives from the same
/// real scale, and ``applyRoundingOnce(_:)`` what LiteRT's fully connected kernel gives (checked on
/// every layer of YAMNet against LiteRT's reference kernels); integers only.
public struct FixedPointScale: Sendable, Equatable {
    /// The significand in Q31, in [2³⁰, 2³¹), or 0.
    public let multiplier: Int32
    /// The power of two: positive shifts left, negative shifts right.
    public let shift: Int32

    /// - Parameter real: a non-negative scale (an input scale times a weight scale over the output scale).
    public init(_ real: Double) {
        guard real > 0, real.isFinite else {
            multiplier = 0
            shift = 0
            return
        }
        let parts = frexp(real)
        var fixed = (parts.0 * 2_147_483_648.0).rounded()
        var exponent = parts.1
        if fixed == 2_147_483_648.0 {
            fixed /= 2
            exponent += 1
        }
        if exponent < -31 {
            fixed = 0
            exponent = 0
        }
        multiplier = Int32(fixed)
        shift = Int32(clamping: exponent)
    }

    init(multiplier: Int32, shift: Int32) {
        self.multiplier = multiplier
        self.shift = shift
    }

    /// `x` times the scale, rounded as the reference convolution kernels round (twice: the high
    /// half of the doubled product, then the shift; halves away from zero each time).
    @inline(__always)
    public func apply(_ x: Int32) -> Int32 {
        let left = shift > 0 ? shift : 0
        let right = shift > 0 ? 0 : -shift
        return Self.roundingDivide(Self.doublingHighMultiply(x &<< left, multiplier), byPowerOfTwo: right)
    }

    /// `x` times the scale, rounded once (halves up), as LiteRT's fully connected kernel rounds.
    @inline(__always)
    public func applyRoundingOnce(_ x: Int32) -> Int32 {
        let total = Int64(31 - shift)
        guard total > 0, total < 63 else { return apply(x) }
        let product = Int64(x) * Int64(multiplier) + (Int64(1) << (total - 1))
        return Int32(truncatingIfNeeded: product >> total)
    }

    /// gemmlowp's SaturatingRoundingDoublingHighMul.
    @inline(__always)
    static func doublingHighMultiply(_ a: Int32, _ b: Int32) -> Int32 {
        if a == b && a == Int32.min { return Int32.max }
        let product = Int64(a) * Int64(b)
        let nudge: Int64 = product >= 0 ? 1 << 30 : 1 - (1 << 30)
        return Int32(truncatingIfNeeded: (product + nudge) / (1 << 31))
    }

    /// gemmlowp's RoundingDivideByPOT: halves round away from zero.
    @inline(__always)
    static func roundingDivide(_ x: Int32, byPowerOfTwo exponent: Int32) -> Int32 {
        guard exponent > 0 else { return x }
        let mask: Int32 = (1 &<< exponent) &- 1
        let remainder = x & mask
        let threshold = (mask >> 1) + (x < 0 ? 1 : 0)
        return (x >> exponent) + (remainder > threshold ? 1 : 0)
    }
}
