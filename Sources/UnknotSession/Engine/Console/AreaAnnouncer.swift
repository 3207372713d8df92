import UnknotCore

/// Says where the station is working whenever that changes, and why it is holding still when
/// it is: the client never feels the arm move to another area, or stop, without a word.
///
/// Input: the stroke in play each tick (``ActiveStroke``). Output: at most one sentence when
/// the area worked changes (a new area of the plan, a stand-in for a skipped one) or the arm
/// rests through a time slot it would have worked. State: the area last announced and whether
/// the rest was announced. Guarantees: one sentence per change, never one per stroke; a quiet
/// tick compares two integers and allocates nothing.
struct AreaAnnouncer: Sendable {
    private var lastStroke: Int?
    private var announcedSlot: Int?
    private var restAnnounced = false

    /// The sentence to say for the stroke now in play, if any.
    mutating func sentence(for active: ActiveStroke) -> String? {
        guard active.slot != lastStroke else { return nil }
        lastStroke = active.slot
        switch active.kind {
        case .none: return nil
        case .idle:
            guard !restAnnounced else { return nil }
            restAnnounced = true
            let here = PartSlot.part(active.partSlot).area
            return switch active.why {
            case "skipped area": "Your \(here) is skipped, so the arm rests until the next area."
            case "spot left alone": "I'm leaving the spot on your \(here) alone, so the arm rests until the next area."
            default: "The arm rests a moment before the next area."
            }
        case .planned, .substitute, .broadHold:
            restAnnounced = false
            guard active.partSlot != announcedSlot else { return nil }
            let first = announcedSlot == nil
            announcedSlot = active.partSlot
            let area = PartSlot.part(active.partSlot).area
            if active.kind == .substitute, active.why == "skipped area" {
                return "Working your \(area) instead of the area you skipped, level \(active.level)."
            }
            return first
                ? "Starting with your \(area), level \(active.level)." : "Now your \(area), level \(active.level)."
        }
    }
}
