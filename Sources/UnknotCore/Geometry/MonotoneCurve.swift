/// A smooth curve through control points that never overshoots them (monotone cubic
/// Hermite interpolation, Fritsch-Carlson), clamped to the end values outside its range.
///
/// Guarantees: passes through every control point; between two points it stays within their
/// values, so a maximum of the control points is a maximum of the curve.
public struct MonotoneCurve: Sendable, Hashable {
    public let xs: [Double]
    public let ys: [Double]
    let slopes: [Double]

    /// `points` must have strictly increasing x.
    public init(_ points: [(Double, Double)]) {
        precondition(points.count >= 2, "a curve needs two points")
        xs = points.map(\.0)
        ys = points.map(\.1)
        let n = points.count
        var secants = [Double](repeating: 0, count: n - 1)
        for i in 0..<(n - 1) {
            precondition(xs[i + 1] > xs[i], "curve x values must increase")
            secants[i] = (ys[i + 1] - ys[i]) / (xs[i + 1] - xs[i])
        }
        var m = [Double](repeating: 0, count: n)
        m[0] = secants[0]
        m[n - 1] = secants[n - 2]
        for i in 1..<(n - 1) {
            m[i] = secants[i - 1] * secants[i] <= 0 ? 0 : (secants[i - 1] + secants[i]) / 2
        }
        for i in 0..<(n - 1) {
            if secants[i] == 0 {
                m[i] = 0
                m[i + 1] = 0
                continue
            }
            let a = m[i] / secants[i]
            let b = m[i + 1] / secants[i]
            let s = a * a + b * b
            if s > 9 {
                let t = 3 / s.squareRoot()
                m[i] = t * a * secants[i]
                m[i + 1] = t * b * secants[i]
            }
        }
        // Ends: one-sided slopes must not overshoot either.
        if m[0] * secants[0] < 0 { m[0] = 0 }
        if m[n - 1] * secants[n - 2] < 0 { m[n - 1] = 0 }
        slopes = m
    }

    public var range: ClosedRange<Double> { xs[0]...xs[xs.count - 1] }

    public func callAsFunction(_ x: Double) -> Double {
        if x <= xs[0] { return ys[0] }
        if x >= xs[xs.count - 1] { return ys[ys.count - 1] }
        var lo = 0
        var hi = xs.count - 1
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if xs[mid] <= x { lo = mid } else { hi = mid }
        }
        let h = xs[hi] - xs[lo]
        let t = (x - xs[lo]) / h
        let t2 = t * t
        let t3 = t2 * t
        return (2 * t3 - 3 * t2 + 1) * ys[lo] + (t3 - 2 * t2 + t) * h * slopes[lo]
            + (-2 * t3 + 3 * t2) * ys[hi] + (t3 - t2) * h * slopes[hi]
    }
}
