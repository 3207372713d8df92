import UnknotCore

/// One thing the live session does in answer to a trigger. The engine carries out the actions
/// of a policy row in order.
public enum PolicyAction: String, Codable, Sendable, CaseIterable {
    /// Cut pressure on the spot on the very next tick: at least one level, and no higher than
    /// the last level the client was comfortable with.
    case cutPressureAtSpot = "cut-pressure-at-spot"
    case markSpotTender = "mark-spot-tender"
    /// Never touch the spot again this session.
    case leaveSpotForSession = "leave-spot-for-session"
    /// "Is that better?" with one-tap answers.
    case checkInAfterPain = "check-in-after-pain"
    /// Everything one level lighter from now on.
    case lowerIntensityOneLevel = "lower-intensity-one-level"
    case slowDown = "slow-down"
    /// One quiet question, once per session: a break, a tissue, or keep going?
    case checkInQuietlyOnce = "check-in-quietly-once"
    /// The same question, each time (at most once in five minutes).
    case checkInAboutCrying = "check-in-about-crying"
    case pauseAndLift = "pause-and-lift"
    case offerTissue = "offer-tissue"
    case breakAndLift = "break-and-lift"
    case dimLights = "dim-lights"
    case offerWater = "offer-water"
    /// Resume only on the client's word.
    case waitForClient = "wait-for-client"
    /// Wind down gently and finish, at the client's own request.
    case endSession = "end-session"
    /// Firmer (one level, within limits), slower, broad contact on this part.
    case firmerSlowerBroad = "firmer-slower-broad"
    case markSpotTicklish = "mark-spot-ticklish"
    /// Broad still pressure on the spot instead of the planned stroke.
    case broadStillPressureOnSpot = "broad-still-pressure-on-spot"
    /// Leave the spot for the session (the client chose to skip ticklish spots).
    case skipSpot = "skip-spot"
    /// Tell staff, if and only if the client allowed it.
    case alertStaffIfAllowed = "alert-staff-if-allowed"
    case keepGoing = "keep-going"
    /// No check-ins and no spoken prompts while the client sleeps.
    case holdPrompts = "hold-prompts"
    /// Kept out of every staff view and alert.
    case keepPrivate = "keep-private"
    case noteForReport = "note-for-report"
    /// Respond as to pain (unless that pain was answered moments ago).
    case treatAsPain = "treat-as-pain"
    /// Then respond as to crying without pain, by the client's directive.
    case thenAsCrying = "then-as-crying"
    /// The report says that tears or laughter are normal and that people usually feel better after.
    case reassureInReport = "reassure-in-report"

    /// The action in plain words, for the policy table.
    public var plainWords: String {
        switch self {
        case .cutPressureAtSpot:
            "cut pressure on the spot on the next tick (at least one level, no higher than the last comfortable level)"
        case .markSpotTender: "mark the spot tender"
        case .leaveSpotForSession: "leave the spot for the rest of the session"
        case .checkInAfterPain: "check in: \"Is that better?\""
        case .lowerIntensityOneLevel: "one level lighter"
        case .slowDown: "slower strokes"
        case .checkInQuietlyOnce: "check in quietly, once"
        case .checkInAboutCrying: "check in (at most every 5 minutes)"
        case .pauseAndLift: "pause and lift"
        case .offerTissue: "offer a tissue"
        case .breakAndLift: "pause at once and lift"
        case .dimLights: "dim and hold"
        case .offerWater: "offer water"
        case .waitForClient: "resume only on the client's word; paused time is not lost"
        case .endSession: "end the session gently"
        case .firmerSlowerBroad: "firmer, slower, broad contact (not lighter)"
        case .markSpotTicklish: "remember the spot as ticklish"
        case .broadStillPressureOnSpot: "broad still pressure on the spot"
        case .skipSpot: "skip the spot"
        case .alertStaffIfAllowed: "alert staff if the client allowed it (pain again at a spot, or rated 8 or more)"
        case .keepGoing: "keep going"
        case .holdPrompts: "no check-ins, no spoken prompts"
        case .keepPrivate: "never an alert, never on a staff view"
        case .noteForReport: "shown in the report"
        case .treatAsPain: "respond as to pain"
        case .thenAsCrying: "then as to crying, by the client's directive"
        case .reassureInReport: "the report says it is normal and people usually feel better after"
        }
    }
}
