extension PadController {
    /// Yoshikawa's manipulability of the arm's joints at the pad: |det J| of the 6 × 6 Jacobian
    /// (translation rows in m/rad, rotation rows in rad/rad, the arm's six columns). Zero at a
    /// singularity (the wrist's axes aligned, the arm stretched out, the wrist over the shoulder's
    /// axis), where some motion of the pad needs unbounded joint speed.
    static func manipulability(position jp: [Double], rotation jr: [Double], stride: Int, joints: Int) -> Double {
        guard joints == 6, jp.count >= 3 * stride, jr.count >= 3 * stride, stride >= joints else { return 0 }
        var m = [Double](repeating: 0, count: 36)
        for row in 0..<3 {
            for column in 0..<6 {
                m[row * 6 + column] = jp[row * stride + column]
                m[(row + 3) * 6 + column] = jr[row * stride + column]
            }
        }
        return abs(determinant(&m, size: 6))
    }

    /// The determinant of a square matrix (row-major, overwritten), by elimination with partial pivoting.
    static func determinant(_ m: inout [Double], size n: Int) -> Double {
        var det = 1.0
        for column in 0..<n {
            var pivot = column
            for row in (column + 1)..<n where abs(m[row * n + column]) > abs(m[pivot * n + column]) { pivot = row }
            let p = m[pivot * n + column]
            if p == 0 { return 0 }
            if pivot != column {
                for k in 0..<n { m.swapAt(pivot * n + k, column * n + k) }
                det = -det
            }
            det *= p
            for row in (column + 1)..<n {
                let factor = m[row * n + column] / p
                guard factor != 0 else { continue }
                for k in column..<n { m[row * n + k] -= factor * m[column * n + k] }
            }
        }
        return det
    }
}
