/// Three second-order sections of a cascade run as one pass, coefficients and states in
/// registers (missing sections are pass-through), in transposed direct form II with the
/// arithmetic of `scipy.signal.sosfilt`.
///
/// Guarantees: ``run(_:count:step:)`` filters `count` samples in place, reading from `start`
/// and moving by `step` (1 forward, -1 backward), and leaves the states where the signal ended.
struct SectionTriple {
    let b00: Double, b01: Double, b02: Double, a01: Double, a02: Double
    let b10: Double, b11: Double, b12: Double, a11: Double, a12: Double
    let b20: Double, b21: Double, b22: Double, a21: Double, a22: Double
    var z00 = 0.0, z01 = 0.0, z10 = 0.0, z11 = 0.0, z20 = 0.0, z21 = 0.0

    /// Sections `first ..< first + 3` of `sections` (`[b0, b1, b2, a1, a2]` each) with their states.
    init(_ sections: [[Double]], from first: Int, states: [(Double, Double)]) {
        func coefficients(_ k: Int) -> [Double] { first + k < sections.count ? sections[first + k] : [1, 0, 0, 0, 0] }
        func state(_ k: Int) -> (Double, Double) { first + k < states.count ? states[first + k] : (0, 0) }
        let (c0, c1, c2) = (coefficients(0), coefficients(1), coefficients(2))
        (b00, b01, b02, a01, a02) = (c0[0], c0[1], c0[2], c0[3], c0[4])
        (b10, b11, b12, a11, a12) = (c1[0], c1[1], c1[2], c1[3], c1[4])
        (b20, b21, b22, a21, a22) = (c2[0], c2[1], c2[2], c2[3], c2[4])
        (z00, z01) = state(0)
        (z10, z11) = state(1)
        (z20, z21) = state(2)
    }

    /// The same sections at rest.
    var atRest: SectionTriple {
        var copy = self
        (copy.z00, copy.z01, copy.z10, copy.z11, copy.z20, copy.z21) = (0, 0, 0, 0, 0, 0)
        return copy
    }

    /// These sections with `other`'s states added to theirs (superposition of two responses).
    func addingStates(of other: SectionTriple) -> SectionTriple {
        var sum = self
        (sum.z00, sum.z01, sum.z10) = (z00 + other.z00, z01 + other.z01, z10 + other.z10)
        (sum.z11, sum.z20, sum.z21) = (z11 + other.z11, z20 + other.z20, z21 + other.z21)
        return sum
    }

    /// The largest state magnitude.
    var stateMagnitude: Double { max(abs(z00), abs(z01), abs(z10), abs(z11), abs(z20), abs(z21)) }

    /// Filters `count` samples in place from `start`, moving by `step`.
    mutating func run(_ start: UnsafeMutablePointer<Double>, count: Int, step: Int) {
        var (z00, z01, z10, z11, z20, z21) = (self.z00, self.z01, self.z10, self.z11, self.z20, self.z21)
        var p = start
        for _ in 0..<count {
            // Each feedback chain is one multiply and one subtraction (the other terms are ready
            // before the section's output is).
            let v0 = p.pointee
            let y0 = b00 * v0 + z00
            z00 = (b01 * v0 + z01) - a01 * y0
            z01 = b02 * v0 - a02 * y0
            let y1 = b10 * y0 + z10
            z10 = (b11 * y0 + z11) - a11 * y1
            z11 = b12 * y0 - a12 * y1
            let y2 = b20 * y1 + z20
            z20 = (b21 * y1 + z21) - a21 * y2
            z21 = b22 * y1 - a22 * y2
            p.pointee = y2
            p += step
        }
        (self.z00, self.z01, self.z10, self.z11, self.z20, self.z21) = (z00, z01, z10, z11, z20, z21)
    }

    /// Adds the sections' free response (zero input, from the current states) to `count` samples
    /// from `start`, moving by `step`, stopping early once the states have died out. Returns how
    /// many samples it touched.
    @discardableResult
    mutating func addFreeResponse(to start: UnsafeMutablePointer<Double>, count: Int, step: Int) -> Int {
        let floor = stateMagnitude * 1e-20
        var (z00, z01, z10, z11, z20, z21) = (self.z00, self.z01, self.z10, self.z11, self.z20, self.z21)
        var p = start
        var done = 0
        while done < count {
            let block = min(256, count - done)
            for _ in 0..<block {
                let y0 = z00
                z00 = -a01 * y0 + z01
                z01 = -a02 * y0
                let y1 = b10 * y0 + z10
                z10 = b11 * y0 - a11 * y1 + z11
                z11 = b12 * y0 - a12 * y1
                let y2 = b20 * y1 + z20
                z20 = b21 * y1 - a21 * y2 + z21
                z21 = b22 * y1 - a22 * y2
                p.pointee += y2
                p += step
            }
            done += block
            if max(abs(z00), abs(z01), abs(z10), abs(z11), abs(z20), abs(z21)) <= floor { break }
        }
        (self.z00, self.z01, self.z10, self.z11, self.z20, self.z21) = (z00, z01, z10, z11, z20, z21)
        return done
    }

    /// ``run(_:count:step:)`` over two halves at once, as two independent chains in one loop so
    /// the processor overlaps their latencies: the second half starts at rest, then gets the free
    /// response of the true state where the first half ended (linear superposition: the one-pass
    /// result, to rounding). Leaves the states where the signal ended.
    mutating func runInterleaved(_ start: UnsafeMutablePointer<Double>, count: Int, step: Int) {
        let half = count / 2
        guard half >= 8_192 else { return run(start, count: count, step: step) }
        var first = self
        var second = self.atRest
        var (s00, s01, s10, s11, s20, s21) = (first.z00, first.z01, first.z10, first.z11, first.z20, first.z21)
        var (c00, c01, c10, c11, c20, c21) = (0.0, 0.0, 0.0, 0.0, 0.0, 0.0)
        var p = start
        var q = start + half * step
        for _ in 0..<half {
            let v = p.pointee
            let w = q.pointee
            let y0 = b00 * v + s00
            let x0 = b00 * w + c00
            s00 = (b01 * v + s01) - a01 * y0
            c00 = (b01 * w + c01) - a01 * x0
            s01 = b02 * v - a02 * y0
            c01 = b02 * w - a02 * x0
            let y1 = b10 * y0 + s10
            let x1 = b10 * x0 + c10
            s10 = (b11 * y0 + s11) - a11 * y1
            c10 = (b11 * x0 + c11) - a11 * x1
            s11 = b12 * y0 - a12 * y1
            c11 = b12 * x0 - a12 * x1
            let y2 = b20 * y1 + s20
            let x2 = b20 * x1 + c20
            s20 = (b21 * y1 + s21) - a21 * y2
            c20 = (b21 * x1 + c21) - a21 * x2
            s21 = b22 * y1 - a22 * y2
            c21 = b22 * x1 - a22 * x2
            p.pointee = y2
            q.pointee = x2
            p += step
            q += step
        }
        (first.z00, first.z01, first.z10, first.z11, first.z20, first.z21) = (s00, s01, s10, s11, s20, s21)
        (second.z00, second.z01, second.z10, second.z11, second.z20, second.z21) = (c00, c01, c10, c11, c20, c21)
        // The second half's left-over sample(s), then its correction.
        second.run(start + 2 * half * step, count: count - 2 * half, step: step)
        var free = first
        free.addFreeResponse(to: start + half * step, count: count - half, step: step)
        self = second.addingStates(of: free)
    }
}
