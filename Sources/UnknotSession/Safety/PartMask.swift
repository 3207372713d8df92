import UnknotCore

/// A set of body parts as bits, one per ``PartSlot``: what a contact disk covers, kept and
/// compared without allocating.
struct PartMask: Sendable, Hashable {
    private(set) var bits: UInt64 = 0

    static let empty = PartMask()

    init() {}

    var isEmpty: Bool { bits == 0 }

    func contains(slot: Int) -> Bool { bits & (1 << UInt64(slot)) != 0 }

    mutating func insert(slot: Int) { bits |= 1 << UInt64(slot) }

    /// The lowest slot in the set, or `nil` when empty.
    var first: Int? { bits == 0 ? nil : bits.trailingZeroBitCount }

    /// Calls `body` with every slot in the set, lowest first.
    func forEach(_ body: (Int) -> Void) {
        var rest = bits
        while rest != 0 {
            body(rest.trailingZeroBitCount)
            rest &= rest - 1
        }
    }
}
