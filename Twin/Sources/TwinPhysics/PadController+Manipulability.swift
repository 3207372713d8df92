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

    /// The determinant of a square matrix (row-major, overwritten).
    static func determinant(_ m: inout [Double], size n: Int) -> Double {
        var none: [Double] = []
        return Elimination.reduce(&m, size: n, carrying: &none)
    }
}
