/// Monotone piecewise-cubic interpolation (`scipy.interpolate.PchipInterpolator`): slopes by
/// the weighted harmonic mean of neighbouring secants (zero where the data turn), one-sided
/// three-point slopes at the ends kept shape-preserving. No overshoot between data points.
public struct MonotoneCubic: Sendable {
    let x: [Double]
    let y: [Double]
    let slopes: [Double]

    /// `x` strictly increasing, at least two points.
    public init(x: [Double], y: [Double]) throws(SignalError) {
        guard x.count == y.count, x.count >= 2 else {
            throw .tooShort(samples: min(x.count, y.count), needed: 1, what: "monotone cubic interpolation")
        }
        self.x = x
        self.y = y
        let n = x.count
        let h = (0..<(n - 1)).map { x[$0 + 1] - x[$0] }
        let delta = (0..<(n - 1)).map { (y[$0 + 1] - y[$0]) / h[$0] }
        var d = [Double](repeating: 0, count: n)
        if n == 2 {
            d[0] = delta[0]
            d[1] = delta[0]
        } else {
            for k in 1..<(n - 1) {
                if delta[k - 1] * delta[k] <= 0 { continue }
                let w1 = 2 * h[k] + h[k - 1]
                let w2 = h[k] + 2 * h[k - 1]
                d[k] = (w1 + w2) / (w1 / delta[k - 1] + w2 / delta[k])
            }
            d[0] = Self.edge(h[0], h[1], delta[0], delta[1])
            d[n - 1] = Self.edge(h[n - 2], h[n - 3], delta[n - 2], delta[n - 3])
        }
        slopes = d
    }

    static func sign(_ v: Double) -> Double { v > 0 ? 1 : v < 0 ? -1 : 0 }

    static func edge(_ h0: Double, _ h1: Double, _ m0: Double, _ m1: Double) -> Double {
        let d = ((2 * h0 + h1) * m0 - h0 * m1) / (h0 + h1)
        if sign(d) != sign(m0) { return 0 }
        if sign(m0) != sign(m1), abs(d) > abs(3 * m0) { return 3 * m0 }
        return d
    }

    /// Values at ascending `xs` (cubic extrapolation beyond the ends, as scipy's).
    public func values(at xs: [Double]) -> [Double] {
        var k = 0
        let n = x.count
        return xs.map { t in
            while k < n - 2, t > x[k + 1] { k += 1 }
            let h = x[k + 1] - x[k]
            let s = (t - x[k]) / h
            let s2 = s * s
            let s3 = s2 * s
            let h00 = 2 * s3 - 3 * s2 + 1
            let h10 = s3 - 2 * s2 + s
            let h01 = -2 * s3 + 3 * s2
            let h11 = s3 - s2
            return h00 * y[k] + h10 * h * slopes[k] + h01 * y[k + 1] + h11 * h * slopes[k + 1]
        }
    }
}
