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
    /// standing for the samples before the start.
    private func movingSum(_ x: inout [Double], states z: [Double]) {
        let source = x
        source.withUnsafeBufferPointer { input in
            x.withUnsafeMutableBufferPointer { output in
                movingSum(from: input, to: output, backward: false, states: z)
            }
        }
    }

    /// The equal-tap FIR run from `input` into `output` (same length), forward or backward (then
    /// "before the start" means after the end). Done with a running sum, re-added exactly every
    /// 1,024 samples so rounding cannot build up.
    func movingSum(
        from input: UnsafeBufferPointer<Double>, to output: UnsafeMutableBufferPointer<Double>, backward: Bool,
        states z: [Double]
    ) {
        let order = b.count - 1
        let c = b[0]
        let n = input.count
        guard n > 0, let inBase = input.baseAddress, let outBase = output.baseAddress else { return }
        // With equal taps, the state before the first sample is z[k] = c·(x[-1] + … + x[k-order]),
        // so z[k] - z[k+1] = c·x[k-order]: the earlier inputs can be read back from it.
        var earlier = [Double](repeating: 0, count: order)
        for k in 0..<order {
            let next = k + 1 < order ? z[k + 1] : 0
            earlier[k] = c != 0 && k < z.count ? (z[k] - next) / c : 0
        }
        let step = backward ? -1 : 1
        let source = backward ? inBase + (n - 1) : inBase
        let target = backward ? outBase + (n - 1) : outBase
        let early = ChunkedWork.Unchecked(earlier)
        let ends = ChunkedWork.Unchecked((source, target))
        // Blocks are independent (each re-adds its first window), so they can go on any core.
        ChunkedWork.forEach(count: n, alignment: 1_024) { part in
            let (source, target) = ends.value
            early.value.withUnsafeBufferPointer { earlier in
                // Input number j of the run (j < 0: before the start).
                @inline(__always) func value(_ j: Int) -> Double { j >= 0 ? source[j * step] : earlier[order + j] }
                var i = part.lowerBound
                while i < part.upperBound {
                    let blockEnd = min(part.upperBound, i + 1_024)
                    var sum = 0.0
                    for j in (i - order)...i { sum += value(j) }
                    target[i * step] = c * sum
                    i += 1
                    // Inside the block: both ends of the window are in the signal once i > order.
                    while i < blockEnd, i <= order {
                        sum += value(i) - value(i - order - 1)
                        target[i * step] = c * sum
                        i += 1
                    }
                    var p = source + i * step
                    var q = source + (i - order - 1) * step
                    var out = target + i * step
                    while i < blockEnd {
                        sum += p.pointee - q.pointee
                        out.pointee = c * sum
                        p += step
                        q += step
                        out += step
                        i += 1
                    }
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
        let isMovingSum = b.count > 1 && a.dropFirst().allSatisfy { $0 == 0 } && b.allSatisfy { $0 == b[0] }
        if isMovingSum {
            // Forward into a second buffer and backward into the first: no copies, no reversal.
            var forward = [Double](repeating: 0, count: extended.count)
            extended.withUnsafeMutableBufferPointer { signal in
                forward.withUnsafeMutableBufferPointer { once in
                    let first = signal[0]
                    movingSum(
                        from: UnsafeBufferPointer(signal), to: once, backward: false, states: zi.map { $0 * first })
                    let last = once[once.count - 1]
                    movingSum(from: UnsafeBufferPointer(once), to: signal, backward: true, states: zi.map { $0 * last })
                }
            }
            return Array(extended[pad..<(pad + x.count)])
        }
        let first = extended[0]
        filter(&extended, states: zi.map { $0 * first })
        extended.reverse()
        let last = extended[0]
        filter(&extended, states: zi.map { $0 * last })
        extended.reverse()
        return Array(extended[pad..<(pad + x.count)])
    }
}
