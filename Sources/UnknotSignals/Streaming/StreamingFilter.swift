/// A causal IIR filter run one sample at a time (the live session cannot look ahead, so no
/// zero-phase here). State is fixed-size: a step allocates nothing.
public struct StreamingFilter: Sendable {
    private var coefficients: [Double]
    private var state: [Double]
    private let count: Int

    public init(_ sections: SecondOrderSections) {
        count = sections.sections.count
        coefficients = sections.sections.flatMap { $0 }
        state = Array(repeating: 0, count: 2 * count)
    }

    /// Starts the filter as if the input had always been `value` (no start-up transient).
    public mutating func settle(at value: Double) {
        var scale = value
        for k in 0..<count {
            let c = Array(coefficients[(5 * k)..<(5 * k + 5)])
            let (z0, z1) = SecondOrderSections.stepState(b0: c[0], b1: c[1], b2: c[2], a1: c[3], a2: c[4])
            state[2 * k] = z0 * scale
            state[2 * k + 1] = z1 * scale
            scale *= (c[0] + c[1] + c[2]) / (1 + c[3] + c[4])
        }
    }

    /// Filters one sample.
    @inline(__always)
    public mutating func step(_ x: Double) -> Double {
        var value = x
        for k in 0..<count {
            let c = 5 * k
            let output = coefficients[c] * value + state[2 * k]
            state[2 * k] = coefficients[c + 1] * value - coefficients[c + 3] * output + state[2 * k + 1]
            state[2 * k + 1] = coefficients[c + 2] * value - coefficients[c + 4] * output
            value = output
        }
        return value
    }
}
