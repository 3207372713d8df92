/// What the live session holds for one part of the body: the client's level and what changed
/// it, and how the part is worked. One value per part, in a ``PartTable``.
struct PartState: Sendable {
    /// The level the session started with (care plan, pain limit, screening, region).
    let baseLevel: Int
    /// The client's level now, in the client's own terms.
    var level: Int
    /// The highest level allowed after a pain this session (10: no pain yet).
    var painCap = 10
    /// The level before the last increase, while it is remembered as comfortable.
    var comfortable: Int?
    /// When the level last rose, ms.
    var raisedAt: Int?
    /// The level last felt in contact, or `nil` before any contact.
    var lastFelt: Int?
    /// Extra firmness on ticklish skin (levels).
    var firmer = 0
    /// The client skipped the part (or a pain left it) for the session.
    var skipped = false
    /// Worked slower (ticklish).
    var slower = false
    /// Worked with broad, flat techniques (ticklish).
    var preferBroad = false
    /// Touched at least once.
    var worked = false
    /// The client (or a pain) changed the part's level this session.
    var levelTouched = false

    init(baseLevel: Int) {
        self.baseLevel = baseLevel
        level = baseLevel
    }
}
