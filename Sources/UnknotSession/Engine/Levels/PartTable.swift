import UnknotCore

/// One value for every part of the body, stored flat and indexed one way (``PartSlot``), so
/// per-part state is one array of one struct: nothing to keep aligned, no hashing, no
/// allocation on the hot path.
struct PartTable<Value: Sendable>: Sendable {
    private var values: [Value]

    /// A table with `make(part)` for every part slot.
    init(_ make: (BodyPartID) -> Value) {
        values = (0..<PartSlot.count).map { make(PartSlot.part($0)) }
    }

    subscript(slot: Int) -> Value {
        get { values[slot] }
        _modify { yield &values[slot] }
    }

    subscript(part: BodyPartID) -> Value {
        get { values[PartSlot.of(part)] }
        _modify { yield &values[PartSlot.of(part)] }
    }
}
