/// A digital IIR filter as a cascade of second-order sections, each `[b0, b1, b2, 1, a1, a2]`,
/// run in transposed direct form II.
///
/// Guarantees: ``filtered(_:)`` is `scipy.signal.sosfilt`; ``zeroPhase(_:)`` is
/// `scipy.signal.sosfiltfilt` (odd extension of the same length, steady-state initial
/// conditions), to floating-point rounding.
public struct SecondOrderSections: Sendable, Hashable {
    /// `[b0, b1, b2, a1, a2]` per section (a0 is 1).
    public private(set) var sections: [[Double]]

    public init(sections: [[Double]]) { self.sections = sections }

    /// Steady-state section states for a unit step input (`scipy.signal.sosfilt_zi`).
    public var steadyState: [(Double, Double)] {
        var scale = 1.0
        var states: [(Double, Double)] = []
        for s in sections {
            let (z0, z1) = Self.stepState(b0: s[0], b1: s[1], b2: s[2], a1: s[3], a2: s[4])
            states.append((scale * z0, scale * z1))
            scale *= (s[0] + s[1] + s[2]) / (1 + s[3] + s[4])
        }
        return states
    }

    /// The state of one section at rest with a unit step at its input.
    static func stepState(b0: Double, b1: Double, b2: Double, a1: Double, a2: Double) -> (Double, Double) {
        let y = (b0 + b1 + b2) / (1 + a1 + a2)
        let z1 = b2 - a2 * y
        let z0 = b1 - a1 * y + z1
        return (z0, z1)
    }

    /// Filters `x` forward, from `states` (zero if `nil`).
    public func filtered(_ x: [Double], states: [(Double, Double)]? = nil) -> [Double] {
        var y = x
        filter(&y, states: states)
        return y
    }

    /// Filters in place. All sections advance together sample by sample, so their dependency
    /// chains overlap instead of running one after another.
    public func filter(_ x: inout [Double], states: [(Double, Double)]? = nil) {
        let count = sections.count
        guard count > 0 else { return }
        var coefficients = [Double](repeating: 0, count: count * 5)
        var z = [Double](repeating: 0, count: count * 2)
        for (k, s) in sections.enumerated() {
            for j in 0..<5 { coefficients[k * 5 + j] = s[j] }
            z[2 * k] = states?[k].0 ?? 0
            z[2 * k + 1] = states?[k].1 ?? 0
        }
        coefficients.withUnsafeBufferPointer { c in
            z.withUnsafeMutableBufferPointer { z in
                x.withUnsafeMutableBufferPointer { buffer in
                    for i in 0..<buffer.count {
                        var value = buffer[i]
                        for k in 0..<count {
                            let output = c[5 * k] * value + z[2 * k]
                            z[2 * k] = c[5 * k + 1] * value - c[5 * k + 3] * output + z[2 * k + 1]
                            z[2 * k + 1] = c[5 * k + 2] * value - c[5 * k + 4] * output
                            value = output
                        }
                        buffer[i] = value
                    }
                }
            }
        }
    }

    /// How many samples `zeroPhase` pads each end with (scipy's default).
    public var padLength: Int {
        let zerosB2 = sections.filter { $0[2] == 0 }.count
        let zerosA2 = sections.filter { $0[4] == 0 }.count
        return 3 * (2 * sections.count + 1 - min(zerosB2, zerosA2))
    }

    /// Zero-phase filtering: forward then backward over an odd extension of the signal.
    public func zeroPhase(_ x: [Double]) throws(SignalError) -> [Double] {
        let pad = padLength
        guard x.count > pad else { throw .tooShort(samples: x.count, needed: pad, what: "zero-phase filtering") }
        var extended = OddExtension.extend(x, by: pad)
        let zi = steadyState
        let first = extended[0]
        filter(&extended, states: zi.map { ($0.0 * first, $0.1 * first) })
        extended.reverse()
        let last = extended[0]
        filter(&extended, states: zi.map { ($0.0 * last, $0.1 * last) })
        extended.reverse()
        return Array(extended[pad..<(pad + x.count)])
    }
}

/// Odd extension of a signal at both ends (`scipy.signal._arraytools.odd_ext`).
enum OddExtension {
    static func extend(_ x: [Double], by n: Int) -> [Double] {
        guard n > 0 else { return x }
        var out = [Double]()
        out.reserveCapacity(x.count + 2 * n)
        let first = x[0]
        let last = x[x.count - 1]
        for i in stride(from: n, through: 1, by: -1) { out.append(2 * first - x[i]) }
        out.append(contentsOf: x)
        for i in 1...n { out.append(2 * last - x[x.count - 1 - i]) }
        return out
    }
}
