/// A position inside a region patch, independent of body size: `u` across the patch from
/// its medial edge (0) to its lateral edge (1), `v` along it from its top (0) to its bottom (1).
///
/// Care plans store spots this way so that a tender spot stays on the same muscle when the
/// client is scanned again or moves to another station.
public struct RegionCoordinate: Hashable, Sendable, Codable {
    public var u: Double
    public var v: Double

    public init(u: Double, v: Double) {
        self.u = u
        self.v = v
    }

    public var isValid: Bool { (0...1).contains(u) && (0...1).contains(v) }
}
