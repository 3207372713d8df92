import UnknotCore

/// The studio's rules for booking, cancelling and rescheduling, checked before anything is
/// written: how far ahead a session may be booked, the cut-offs for cancelling and moving it,
/// and the care plan's contraindication screening on the day of the session.
///
/// Guarantees: every refusal says what rule it met and, where there is one, what the client can
/// do instead; the rules never look at anything but their arguments (the ledger applies them
/// in its transaction).
public struct BookingRules: Hashable, Sendable, Codable {
    /// A booking must start at least this long after now (minutes).
    public var minimumNotice = 60
    /// And at most this many days ahead.
    public var maximumDaysAhead = 90
    /// Cancelling is possible until this long before the start (minutes).
    public var cancelCutOff = 24 * 60
    /// Rescheduling, until this long before the original start (minutes).
    public var rescheduleCutOff = 12 * 60

    public init() {}

    /// Why a request is refused.
    public enum Refusal: Error, Hashable, Sendable, CustomStringConvertible {
        case tooSoon(minimumNoticeMinutes: Int)
        case tooFarAhead(maximumDays: Int)
        case inThePast
        case tooLateToCancel(cutOffHours: Int)
        case tooLateToMove(cutOffHours: Int)
        case screening([ScreeningOutcome.Refusal])

        /// The care plan fields a screening refusal comes from (`health.fever`), else `start`.
        public var field: String {
            if case .screening(let refusals) = self, let first = refusals.first { return first.field }
            return "start"
        }

        /// Each screening refusal as its own problem, naming its field.
        public var problems: [StudioError.Problem] {
            guard case .screening(let refusals) = self else { return [] }
            return refusals.map { StudioError.Problem(field: $0.field, message: $0.reason) }
        }

        public var description: String {
            switch self {
            case .tooSoon(let minutes): "book at least \(minutes) minutes ahead; choose a later slot"
            case .tooFarAhead(let days): "bookings open \(days) days ahead; choose an earlier date"
            case .inThePast: "that session has already started or ended"
            case .tooLateToCancel(let hours):
                "sessions can be cancelled online until \(hours) hours before they start"
            case .tooLateToMove(let hours):
                "sessions can be moved online until \(hours) hours before they start"
            case .screening(let refusals):
                "we cannot offer a massage at the moment: \(refusals.map(\.reason).joined(separator: "; ")). "
                    + "Please see a professional first, and change your care plan's health answers once they no longer hold."
            }
        }
    }

    /// Whether a new session at `start` may be booked at `now` for a client with `health`.
    public func checkBooking(
        start: StudioTime, now: StudioTime, program: Program, health: HealthScreening
    ) -> Result<Void, Refusal> {
        if start.minutes < now.minutes + minimumNotice {
            return .failure(.tooSoon(minimumNoticeMinutes: minimumNotice))
        }
        if start.day > now.day + maximumDaysAhead { return .failure(.tooFarAhead(maximumDays: maximumDaysAhead)) }
        let outcome = ContraindicationScreening.screen(
            health, program: program, on: CalendarDate(dayNumber: start.day))
        if outcome.isRefused { return .failure(.screening(outcome.refusals)) }
        return .success(())
    }

    /// Whether the session starting at `start` may be cancelled at `now`.
    public func checkCancel(start: StudioTime, now: StudioTime) -> Result<Void, Refusal> {
        if now >= start { return .failure(.inThePast) }
        if start.minutes - now.minutes < cancelCutOff {
            return .failure(.tooLateToCancel(cutOffHours: cancelCutOff / 60))
        }
        return .success(())
    }

    /// Whether the session starting at `start` may still be cancelled and moved by its client at
    /// `now` (the same cut-offs `checkCancel` and `checkMove` apply), for pages to offer only what
    /// is allowed.
    public func changes(start: StudioTime, now: StudioTime) -> (cancel: Refusal?, move: Refusal?) {
        var cancel: Refusal?
        if case .failure(let refusal) = checkCancel(start: start, now: now) { cancel = refusal }
        var move: Refusal?
        if now >= start {
            move = .inThePast
        } else if start.minutes - now.minutes < rescheduleCutOff {
            move = .tooLateToMove(cutOffHours: rescheduleCutOff / 60)
        }
        return (cancel, move)
    }

    /// Whether the session starting at `start` may be moved to `newStart` at `now`.
    public func checkMove(
        start: StudioTime, to newStart: StudioTime, now: StudioTime, program: Program, health: HealthScreening
    ) -> Result<Void, Refusal> {
        if now >= start { return .failure(.inThePast) }
        if start.minutes - now.minutes < rescheduleCutOff {
            return .failure(.tooLateToMove(cutOffHours: rescheduleCutOff / 60))
        }
        return checkBooking(start: newStart, now: now, program: program, health: health)
    }
}
