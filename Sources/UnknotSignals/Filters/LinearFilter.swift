/// A digital filter as numerator and denominator coefficients, run in transposed direct form II.
///
/// Guarantees: ``filtered(_:states:)`` is `scipy.signal.lfilter`; ``zeroPhase(_:)`` is
/// `scipy.signal.filtfilt(b, a, x, method="pad")` with its default pad length, to rounding.
public struct LinearFilter: Sendable, Hashable {
    public let b: [Double]
    public let a: [Double]

    /// Coefficients are normalised so that `a[0]` is 1.
    public init(b: [Double], a: [Double]) throws(SignalError) {
        guard let a0 = a.first, a0 != 0, !b.isEmpty else {
            throw .badFilter("the coefficients need a non-zero a[0] and at least one b")
        }
        let n = max(a.count, b.count)
        self.b = (b + Array(repeating: 0, count: n - b.count)).map { $0 / a0 }
        self.a = (a + Array(repeating: 0, count: n - a.count)).map { $0 / a0 }
    }

    /// Moving average over `width` samples (`b = ones(width)`, `a = [width]`).
    public static func movingAverage(width: Int) throws(SignalError) -> LinearFilter {
        guard width >= 1 else { throw .badFilter("a moving average needs a width of at least 1") }
        return try LinearFilter(b: Array(repeating: 1, count: width), a: [Double(width)])
    }

    /// The state at rest with a unit step at the input (`scipy.signal.lfilter_zi`).
    public var steadyState: [Double] {
        let n = b.count
        guard n > 1 else { return [] }
        let y = b.reduce(0, +) / a.reduce(0, +)
        var z = Array(repeating: 0.0, count: n - 1)
        var running = 0.0
        for i in stride(from: n - 2, through: 0, by: -1) {
            running += b[i + 1] - a[i + 1] * y
            z[i] = running
        }
        return z
    }

    public func filtered(_ x: [Double], states: [Double]? = nil) -> [Double] {
        var y = x
        filter(&y, states: states)
        return y
    }

    public func filter(_ x: inout [Double], states: [Double]? = nil) {
        let order = b.count - 1
        var z = states ?? Array(repeating: 0, count: order)
        let isFIR = a.dropFirst().allSatisfy { $0 == 0 }
        if isFIR, order > 0, b.allSatisfy({ $0 == b[0] }) {
            return movingSum(&x, states: z)
        }
        b.withUnsafeBufferPointer { b in
            a.withUnsafeBufferPointer { a in
                z.withUnsafeMutableBufferPointer { z in
                    x.withUnsafeMutableBufferPointer { x in
                        for i in 0..<x.count {
                            let input = x[i]
                            let output = b[0] * input + (order > 0 ? z[0] : 0)
                            if order > 0 {
                                if isFIR {
                                    for k in 0..<(order - 1) { z[k] = b[k + 1] * input + z[k + 1] }
                                    z[order - 1] = b[order] * input
                                } else {
                                    for k in 0..<(order - 1) { z[k] = b[k + 1] * input - a[k + 1] * output + z[k + 1] }
                                    z[order - 1] = b[order] * input - a[order] * output
                                }
                            }
                            x[i] = output
                        }
                    }
                }
            }
        }
    }

    /// An FIR filter whose taps are all equal: y[i] = c·(x[i] + … + x[i-order]), with the state
    /// standing for the samples before the start. Done with a running sum, re-added exactly every
    /// 1,024 samples so rounding cannot build up.
    private func movingSum(_ x: inout [Double], states z: [Double]) {
        let order = b.count - 1
        let c = b[0]
        let n = x.count
        // With equal taps, the state before the first sample is z[k] = c·(x[-1] + … + x[k-order]),
        // so z[k] - z[k+1] = c·x[k-order]: the earlier inputs can be read back from it.
        var history = [Double](repeating: 0, count: n + order)
        for k in 0..<order {
            let next = k + 1 < order ? z[k + 1] : 0
            history[k] = c != 0 ? (z[k] - next) / c : 0
        }
        for i in 0..<n { history[order + i] = x[i] }
        history.withUnsafeBufferPointer { h in
            x.withUnsafeMutableBufferPointer { out in
                var sum = 0.0
                for i in 0..<n {
                    if i % 1_024 == 0 {
                        sum = 0
                        for j in i...(i + order) { sum += h[j] }
                    } else {
                        sum += h[i + order] - h[i - 1]
                    }
                    out[i] = c * sum
                }
            }
        }
    }

    /// scipy's default pad length for `filtfilt`: three times the number of coefficients.
    public var padLength: Int { 3 * b.count }

    /// Zero-phase filtering: forward then backward over an odd extension.
    public func zeroPhase(_ x: [Double]) throws(SignalError) -> [Double] {
        let pad = padLength
        guard x.count > pad else { throw .tooShort(samples: x.count, needed: pad, what: "zero-phase filtering") }
        var extended = OddExtension.extend(x, by: pad)
        let zi = steadyState
        let first = extended[0]
        filter(&extended, states: zi.map { $0 * first })
        extended.reverse()
        let last = extended[0]
        filter(&extended, states: zi.map { $0 * last })
        extended.reverse()
        return Array(extended[pad..<(pad + x.count)])
    }
}
