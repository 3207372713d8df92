/// Gaussian elimination with partial pivoting on a small dense matrix (the arm's 6 × 6 Jacobians):
/// what the manipulability's determinant and the reach check's damped least squares both need.
enum Elimination {
    /// Reduces `a` (n × n, row-major) to upper triangular form in place, applying the same row
    /// operations to `rhs` when it has `n` entries (empty: none), and returns the determinant
    /// (0 for a singular matrix, left part-way reduced).
    static func reduce(_ a: inout [Double], size n: Int, carrying rhs: inout [Double]) -> Double {
        let carries = rhs.count == n
        var det = 1.0
        for column in 0..<n {
            var pivot = column
            for row in (column + 1)..<n where abs(a[row * n + column]) > abs(a[pivot * n + column]) { pivot = row }
            let p = a[pivot * n + column]
            if p == 0 { return 0 }
            if pivot != column {
                for k in 0..<n { a.swapAt(pivot * n + k, column * n + k) }
                if carries { rhs.swapAt(pivot, column) }
                det = -det
            }
            det *= p
            for row in (column + 1)..<n {
                let factor = a[row * n + column] / p
                guard factor != 0 else { continue }
                for k in column..<n { a[row * n + k] -= factor * a[column * n + k] }
                if carries { rhs[row] -= factor * rhs[column] }
            }
        }
        return det
    }
}
