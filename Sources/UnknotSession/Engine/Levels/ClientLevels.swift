import UnknotCore

/// The pressure subsystem: the level each part gets now and everything that changed it (the
/// client's controls, pain, laughter, tears), per part in one ``PartTable``.
///
/// Inputs: the client's level changes, pain cuts, ticklish and tear-time adjustments, and the
/// contact the arm makes. Output: ``cap(_:)``, the most a part gets now. Guarantees: a part's cap
/// is never above its limit (pain limit, screening, region, fixed at the start) nor above its
/// pain cap, and never below level 1; a level that hurt is never offered again this session.
struct ClientLevels: Sendable {
    /// Every part's state, indexed by ``PartSlot``.
    private(set) var parts: PartTable<PartState>
    /// Per part slot: the highest level the session may use (the supervisor's level limit).
    let limits: [Int]
    /// Per part slot: why the limit is what it is, in the client's words ("within your pain
    /// limit", "while your health answers ask for light pressure (blood thinners)").
    let limitReasons: [String]
    /// Levels taken off everywhere (after tears).
    private(set) var drop = 0
    /// Speed factor for every stroke (after tears).
    private(set) var speed = 1.0

    /// "Lighter and slower" after tears.
    static let slowerSpeed = 0.7
    /// A level held this long without complaint is itself comfortable: a pain cut then goes
    /// back to it, ms.
    static let comfortableMemoryMilliseconds = 60_000

    init(carePlan: CarePlan, screening: ScreeningOutcome, limits: [Int]) {
        self.limits = limits
        limitReasons = (0..<PartSlot.count).map { slot in
            Self.reason(for: PartSlot.part(slot), limit: limits[slot], carePlan: carePlan, screening: screening)
        }
        parts = PartTable { part in
            PartState(
                baseLevel: min(
                    carePlan.preferredLevel(for: part), carePlan.painLimit, screening.levelCap,
                    part.region.maximumLevel
                ).value)
        }
    }

    /// Which of the limits holds a part at `limit`: the screening's light pressure, the most
    /// used on the region, or the client's own pain limit.
    static func reason(for part: BodyPartID, limit: Int, carePlan: CarePlan, screening: ScreeningOutcome) -> String {
        if limit == screening.levelCap.value, let first = screening.lightPressureOnly.first {
            let why = first.split(separator: ":").first.map(String.init) ?? first
            return "while your health answers ask for light pressure (\(why))"
        }
        if limit == part.region.maximumLevel.value, limit < carePlan.painLimit.value {
            return "on the \(part.region.displayName), the most this station uses there"
        }
        return "within your pain limit"
    }

    /// The most part slot `q` gets now: the client's level (with ticklish firmness and tear-time
    /// lightening), within the part's limit and any pain this session.
    func cap(_ q: Int) -> Int {
        let part = parts[q]
        return min(max(1, part.level + part.firmer - drop), limits[q], part.painCap)
    }

    /// The highest level the client may ask for on `q` now.
    func ceiling(_ q: Int) -> Int { min(limits[q], parts[q].painCap) }

    // MARK: - Contact

    /// The arm touched part slot `q` at `level` this tick.
    mutating func felt(_ q: Int, at level: Int) {
        parts[q].worked = true
        parts[q].lastFelt = level
    }

    /// The plan (or the client) is about to raise `q` above what was felt there: what was felt is
    /// remembered as the last comfortable level.
    mutating func noteRaise(_ q: Int, to value: Int, at now: Int) {
        guard let felt = parts[q].lastFelt, value > felt else { return }
        parts[q].comfortable = felt
        parts[q].raisedAt = now
    }

    // MARK: - The client's controls

    /// What a press of "firmer" or "lighter" did.
    enum Change: Sendable, Equatable {
        /// The level moved from `before` to `after`.
        case changed(before: Int, after: Int)
        /// Already at the highest level allowed, and why ("after it hurt earlier", "within your
        /// pain limit", the screening's light pressure, the region's most).
        case atCeiling(level: Int, why: String)
        /// Already the lightest touch.
        case atLightest
    }

    /// One level firmer (`step` 1) or lighter (-1) on `q`, within the pain limit and any pain.
    mutating func press(_ step: Int, on q: Int, at now: Int) -> Change {
        let before = cap(q)
        let limit = ceiling(q)
        if step > 0, before >= limit {
            return .atCeiling(
                level: before, why: parts[q].painCap < limits[q] ? "after it hurt earlier" : limitReasons[q])
        }
        if step < 0, before <= 1 { return .atLightest }
        if step > 0 {
            parts[q].comfortable = before
            parts[q].raisedAt = now
        }
        parts[q].levelTouched = true
        parts[q].level = max(1, min(parts[q].level + step, limit + drop - parts[q].firmer))
        return .changed(before: before, after: cap(q))
    }

    /// An answer about a part not under the arm: the client's level there moves by `step`.
    mutating func nudge(_ q: Int, by step: Int) {
        parts[q].levelTouched = true
        parts[q].level = max(1, parts[q].level + step)
    }

    /// Skips part slot `q` for the rest of the session.
    mutating func skip(_ q: Int) { parts[q].skipped = true }

    // MARK: - Reactions

    /// Cuts `q` after pain: at least one level below what was felt (two for a rating above the
    /// pain limit + 1), and no higher than the last level the client was comfortable with.
    /// A cut is the session's answer at a spot, not the client's choice for the area: it
    /// suggests no new pressure for the area (the tender spot carries what was learned).
    mutating func cut(_ q: Int, felt: Int, rating: Int?, painLimit: Int, at now: Int) {
        let steps = (rating ?? 0) > painLimit + 1 ? 2 : 1
        var target = felt - steps
        if let comfortable = parts[q].comfortable, let raisedAt = parts[q].raisedAt,
            now - raisedAt < Self.comfortableMemoryMilliseconds
        {
            target = min(target, comfortable)
        }
        target = max(1, target)
        parts[q].painCap = max(1, min(parts[q].painCap, felt - 1))
        // The new level in the client's own terms (before ticklish firmness and tear-time lightening).
        parts[q].level = max(1, min(parts[q].level, target - parts[q].firmer + drop))
        parts[q].comfortable = nil
    }

    /// Puts back what a detector's pain cut, when the client says it was fine.
    mutating func undoCut(_ q: Int, level: Int, painCap: Int) {
        parts[q].painCap = painCap
        parts[q].level = level
    }

    /// Laughter: one level firmer, slower, with broad techniques on `q`.
    mutating func makeTicklish(_ q: Int) {
        parts[q].firmer = 1
        parts[q].slower = true
        parts[q].preferBroad = true
    }

    /// Tears: one level lighter everywhere from now on.
    mutating func lightenEverywhere() { drop = 1 }

    /// Tears: slower everywhere from now on.
    mutating func slowDown() { speed = Self.slowerSpeed }
}
