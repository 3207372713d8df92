import UnknotCore

/// The check-in scheduler: when the plan's questions fall due, which question is on the console
/// and about which part, when it times out, and how recently the client was asked.
///
/// Inputs: the plan's clock, the engine's clock, questions opened and closed. Outputs: a planned
/// question due, an open question that timed out, whether another may be asked now.
/// Guarantees: at most one question is open; each planned time falls due once; planned
/// questions are at least ``minimumGapMilliseconds`` apart; the quiet question about tears is
/// asked once a session when the directive says once.
struct CheckInSchedule: Sendable {
    /// Plan times of the planned check-ins, ascending.
    let times: [Int]
    /// An unanswered question leaves the console after this long, ms.
    let timeout: Int
    private var next = 0
    /// The question on the console, if any.
    private(set) var open: CheckIn?
    /// When it was opened, ms.
    private(set) var openedAt = 0
    /// The part it is about, if any.
    private(set) var openSlot: Int?
    private var lastAskedAt: Int?
    private var askedAboutTears = false
    /// A planned question fell due while sleep was likely and waits for a sign of waking.
    private(set) var held = false
    private var lastAskedAboutTearsAt: Int?

    /// A planned question waits this long after any question, ms.
    static let minimumGapMilliseconds = 120_000
    /// The question about tears is asked again no sooner than this, ms.
    static let tearsQuestionGapMilliseconds = 300_000

    init(plan: SessionPlan, timeout: Int) {
        times = Self.checkInTimes(for: plan)
        self.timeout = timeout
    }

    /// Whether a planned check-in fell due by `planTime` (each falls due once).
    mutating func plannedDue(at planTime: Int) -> Bool {
        guard next < times.count, planTime >= times[next] else { return false }
        next += 1
        return true
    }

    /// The planned question due now waits (sleep is likely); at most one waits.
    mutating func hold() { held = true }

    /// The waiting question is asked now, or dropped (the client fell asleep); returns whether
    /// one was waiting.
    @discardableResult
    mutating func release() -> Bool {
        defer { held = false }
        return held
    }

    /// The open question's kind, once it has gone unanswered for ``timeout``.
    func expired(at now: Int) -> CheckInKind? {
        guard let open, now - openedAt >= timeout else { return nil }
        return open.kind
    }

    /// Whether a planned question may be asked now: none open, none asked lately.
    func mayAskPlanned(at now: Int) -> Bool {
        open == nil && lastAskedAt.elapsed(until: now) >= Self.minimumGapMilliseconds
    }

    /// `checkIn` is on the console now, about part slot `slot`.
    mutating func opened(_ checkIn: CheckIn, slot: Int?, at now: Int) {
        open = checkIn
        openedAt = now
        openSlot = slot
        lastAskedAt = now
        if checkIn.kind == .crying { lastAskedAboutTearsAt = now }
    }

    /// The open question left the console; returns it.
    mutating func close() -> CheckIn? {
        defer { open = nil }
        return open
    }

    /// The first time in a session: true, and never again (the quiet question about tears).
    mutating func firstQuestionAboutTears() -> Bool {
        guard !askedAboutTears else { return false }
        askedAboutTears = true
        return true
    }

    /// Whether the question about tears may be asked again.
    func mayAskAboutTears(at now: Int) -> Bool {
        lastAskedAboutTearsAt.elapsed(until: now) >= Self.tearsQuestionGapMilliseconds
    }
}
