import Testing
import UnknotCore

@testable import UnknotSession

/// Per-part state is indexed one way: every part has its own slot, and the slot names it back.
@Suite("Part slots")
struct PartSlotTests {
    @Test("Every part round-trips through its slot, and no two parts share one")
    func roundTrip() {
        var seen: [Int: BodyPartID] = [:]
        for part in BodyPartID.all {
            let slot = PartSlot.of(part)
            #expect((0..<PartSlot.count).contains(slot))
            #expect(PartSlot.part(slot) == part, "\(part) → slot \(slot) → \(PartSlot.part(slot))")
            #expect(seen[slot] == nil, "\(part) and \(String(describing: seen[slot])) share slot \(slot)")
            seen[slot] = part
        }
        // Every slot names a part whose own slot holds the same part (midline regions fill one).
        for slot in 0..<PartSlot.count {
            #expect(PartSlot.part(PartSlot.of(PartSlot.part(slot))) == PartSlot.part(slot))
        }
    }

    @Test("A part table reads and writes the value of the part asked for")
    func table() {
        var table = PartTable { PartState(baseLevel: $0.region == .neck ? 3 : 5) }
        table[BodyPartID(.calves, .left)].level = 9
        #expect(table[PartSlot.of(BodyPartID(.calves, .left))].level == 9)
        #expect(table[BodyPartID(.calves, .right)].level == 5)
        #expect(table[BodyPartID(.neck, .right)].baseLevel == 3)
    }
}
