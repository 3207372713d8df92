import UnknotCore

/// CARE.md section 1 as data: for each reaction and each choice the client can make in advance,
/// the actions the live session takes and the words it says.
///
/// The engine looks rows up and carries their actions out; `docs/care-policy.md` is this table
/// printed (`unknot care-policy`), and a test keeps the two identical. Guarantees: every
/// trigger has a default row; pain rows have no client choice (the response is not optional);
/// no row ends the session on tears unless the client chose so; digestive noise is never alerted.
public struct CarePolicy: Sendable, Hashable {
    public var rows: [PolicyRow]

    public init(rows: [PolicyRow]) { self.rows = rows }

    /// The row for a trigger under the client's care plan: the row for their choice if they
    /// made one, else the default row.
    public func row(for trigger: PolicyTrigger, carePlan: CarePlan) -> PolicyRow {
        let choice: PolicyChoice? =
            switch trigger {
            case .cryingWithoutPain, .cryingWithPain: carePlan.ifICry.map { .ifICry($0) }
            case .laughterAgainAtSpot: carePlan.skipTicklishSpots ? .skipTicklishSpots : nil
            default: nil
            }
        if let choice, let row = rows.first(where: { $0.trigger == trigger && $0.choice == choice }) { return row }
        return rows.first { $0.trigger == trigger && $0.choice == nil } ?? PolicyRow(trigger, [.keepGoing], say: nil)
    }

    /// The policy Unknot ships with.
    public static let standard = CarePolicy(rows: [
        PolicyRow(
            .pain, [.cutPressureAtSpot, .markSpotTender, .alertStaffIfAllowed, .checkInAfterPain],
            say: "Easing off your {area}, down to level {level}. Say if you want it lighter still."),
        PolicyRow(
            .painAgainAtSpot, [.leaveSpotForSession, .cutPressureAtSpot, .alertStaffIfAllowed, .checkInAfterPain],
            say: "That spot on your {area} hurt again, so I'll leave it alone for the rest of the session."),
        PolicyRow(
            .cryingWithoutPain, [.lowerIntensityOneLevel, .keepGoing, .checkInQuietlyOnce, .noteForReport],
            say: "I'll go a little gentler."),
        PolicyRow(
            .cryingWithoutPain, choice: .ifICry(.keepGoingQuietly), [.keepGoing, .noteForReport], say: nil),
        PolicyRow(
            .cryingWithoutPain, choice: .ifICry(.pauseAndOfferTissue),
            [.pauseAndLift, .offerTissue, .waitForClient, .noteForReport],
            say: "Pausing here. There's a tissue by your right hand. Press resume whenever you're ready."),
        PolicyRow(
            .cryingWithoutPain, choice: .ifICry(.checkIn), [.keepGoing, .checkInAboutCrying, .noteForReport],
            say: nil),
        PolicyRow(
            .cryingWithoutPain, choice: .ifICry(.lighterAndSlower),
            [.lowerIntensityOneLevel, .slowDown, .keepGoing, .noteForReport], say: "Going lighter and slower."),
        PolicyRow(
            .cryingWithoutPain, choice: .ifICry(.endSession), [.endSession, .noteForReport],
            say: "Ending the session gently, as you asked. Take all the time you need."),
        PolicyRow(.cryingWithPain, [.treatAsPain, .thenAsCrying], say: nil),
        PolicyRow(
            .laughter, [.firmerSlowerBroad, .markSpotTicklish, .noteForReport],
            say: "Ticklish there? Firmer, slower, broader strokes on your {area}."),
        PolicyRow(
            .laughterAgainAtSpot, [.broadStillPressureOnSpot, .markSpotTicklish],
            say: "I'll hold that spot on your {area} still and broad instead."),
        PolicyRow(
            .laughterAgainAtSpot, choice: .skipTicklishSpots, [.skipSpot, .markSpotTicklish],
            say: "I'll skip that ticklish spot on your {area}."),
        PolicyRow(
            .breakRequest, [.breakAndLift, .dimLights, .offerWater, .waitForClient],
            say: "Taking a break. There's water beside you. Press resume whenever you're ready; your time is kept."),
        PolicyRow(.digestiveNoise, [.keepGoing, .keepPrivate], say: nil),
        PolicyRow(.sigh, [.keepGoing], say: nil),
        PolicyRow(.sleep, [.keepGoing, .holdPrompts], say: nil),
        PolicyRow(.relaxation, [.keepGoing, .noteForReport], say: nil),
        PolicyRow(
            .sessionEnded, [.reassureInReport],
            say:
                "Feeling emotional after a massage is normal and common, and people usually feel better after."
        ),
    ])
}
