/// The interpolating quadratic B-spline scipy builds for `interp1d(x, y, kind="quadratic")`
/// (`make_interp_spline(x, y, k=2)`): knots at the ends (three times) and at the midpoints
/// between data sites, leaving out the first and last midpoint ("not-a-knot" for even degree).
///
/// Guarantees: passes through every `(x, y)`; outside `x` it returns the first or last `y`
/// (interp1d's `fill_value` as neurokit2 uses it).
public struct QuadraticSpline: Sendable {
    let knots: [Double]
    let coefficients: [Double]
    let first: (x: Double, y: Double)
    let last: (x: Double, y: Double)

    public init(x: [Double], y: [Double]) throws(SignalError) {
        let n = x.count
        guard n == y.count, n >= 3 else {
            throw .tooShort(samples: min(n, y.count), needed: 2, what: "a quadratic spline")
        }
        var t = [x[0], x[0], x[0]]
        if n > 3 { for i in 1...(n - 3) { t.append((x[i] + x[i + 1]) / 2) } }
        t += [x[n - 1], x[n - 1], x[n - 1]]
        knots = t
        first = (x[0], y[0])
        last = (x[n - 1], y[n - 1])
        // Collocation: row i holds the three basis functions non-zero at x[i].
        // Banded system (two below the diagonal, two above, plus room for pivoting fill-in),
        // solved by Gaussian elimination with partial pivoting.
        let width = 7
        var band = [Double](repeating: 0, count: n * width)  // band[i*7 + (j - i + 2)]
        var rhs = y
        var span = 2
        for i in 0..<n {
            while span < n - 1, x[i] >= t[span + 1] { span += 1 }
            let (b0, b1, b2) = Self.basis(t, span, x[i])
            for (k, b) in [b0, b1, b2].enumerated() {
                let j = span - 2 + k
                band[i * width + (j - i + 2)] += b
            }
        }
        func at(_ i: Int, _ j: Int) -> Double {
            let d = j - i + 2
            return d >= 0 && d < width ? band[i * width + d] : 0
        }
        func set(_ i: Int, _ j: Int, _ v: Double) {
            let d = j - i + 2
            if d >= 0 && d < width { band[i * width + d] = v }
        }
        // Elimination with pivoting among the next two rows (enough for this band).
        for col in 0..<n {
            var pivot = col
            for r in (col + 1)..<min(n, col + 3) where abs(at(r, col)) > abs(at(pivot, col)) { pivot = r }
            if pivot != col {
                for j in max(0, col - 2)..<min(n, col + 7) {
                    let a = at(col, j)
                    let b = at(pivot, j)
                    set(col, j, b)
                    set(pivot, j, a)
                }
                rhs.swapAt(col, pivot)
            }
            let p = at(col, col)
            guard p != 0 else { throw .badFilter("the spline's sites are not distinct") }
            for r in (col + 1)..<min(n, col + 3) {
                let factor = at(r, col) / p
                if factor == 0 { continue }
                for j in col..<min(n, col + 7) { set(r, j, at(r, j) - factor * at(col, j)) }
                rhs[r] -= factor * rhs[col]
            }
        }
        var c = [Double](repeating: 0, count: n)
        for i in stride(from: n - 1, through: 0, by: -1) {
            var sum = rhs[i]
            for j in (i + 1)..<min(n, i + 7) { sum -= at(i, j) * c[j] }
            c[i] = sum / at(i, i)
        }
        coefficients = c
    }

    /// The three non-zero quadratic B-splines at `x` in knot span `span` (de Boor / Cox).
    static func basis(_ t: [Double], _ span: Int, _ x: Double) -> (Double, Double, Double) {
        let left1 = x - t[span]
        let left2 = x - t[span - 1]
        let right1 = t[span + 1] - x
        let right2 = t[span + 2] - x
        // Degree 1.
        let d1 = t[span + 1] - t[span]
        let n0 = d1 > 0 ? right1 / d1 : 0
        let n1 = d1 > 0 ? left1 / d1 : 0
        // Degree 2.
        let a = t[span + 1] - t[span - 1]
        let b = t[span + 2] - t[span]
        let termA = a > 0 ? n0 / a : 0
        let termB = b > 0 ? n1 / b : 0
        return (right1 * termA, left2 * termA + right2 * termB, left1 * termB)
    }

    /// Values at ascending `xs`.
    public func values(at xs: [Double]) -> [Double] {
        let n = coefficients.count
        var span = 2
        return xs.map { x in
            if x < first.x { return first.y }
            if x > last.x { return last.y }
            while span < n - 1, x >= knots[span + 1] { span += 1 }
            while span > 2, x < knots[span] { span -= 1 }
            let (a, b, c) = Self.basis(knots, span, x)
            return a * coefficients[span - 2] + b * coefficients[span - 1] + c * coefficients[span]
        }
    }
}
