/// A complex number, for filter design (poles and zeros). Internal: not a numerics library.
struct Complex: Sendable, Hashable {
    var re: Double
    var im: Double

    init(_ re: Double, _ im: Double = 0) {
        self.re = re
        self.im = im
    }

    static func + (a: Complex, b: Complex) -> Complex { Complex(a.re + b.re, a.im + b.im) }
    static func - (a: Complex, b: Complex) -> Complex { Complex(a.re - b.re, a.im - b.im) }
    static func * (a: Complex, b: Complex) -> Complex {
        Complex(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re)
    }
    static func * (a: Double, b: Complex) -> Complex { Complex(a * b.re, a * b.im) }
    static func / (a: Complex, b: Complex) -> Complex {
        let d = b.re * b.re + b.im * b.im
        return Complex((a.re * b.re + a.im * b.im) / d, (a.im * b.re - a.re * b.im) / d)
    }
    static prefix func - (a: Complex) -> Complex { Complex(-a.re, -a.im) }

    var magnitudeSquared: Double { re * re + im * im }

    /// The principal square root.
    var squareRoot: Complex {
        let r = magnitudeSquared.squareRoot()
        let re = ((r + self.re) / 2).squareRoot()
        let im = ((r - self.re) / 2).squareRoot()
        return Complex(re, self.im < 0 ? -im : im)
    }
}
