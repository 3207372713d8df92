import UnknotCore
import UnknotSession

/// What may be asked of a running station from outside its loop: the client's console, staff,
/// the studio link. Taken between ticks, acted on at the next.
public enum StationCommand: Sendable, Hashable {
    /// A control from the client's console.
    case control(ClientControl)
    /// Staff's emergency stop: the arm lifts at the next tick and holds until released.
    case emergencyStop
    /// Staff release the stop (the client resumes from the console).
    case releaseEmergencyStop
    /// The console at the table has not been heard from for its grace time.
    case consoleLost
    /// The console is back.
    case consoleBack
    /// What the station's perception found (heard crying, laughter …), for the engine to answer
    /// as the care plan says.
    case reaction(ReactionEvent)
    /// A heart beat from the body sensors: the RR interval, ms (the engine's heart watch).
    case beat(rrMilliseconds: Double)
    /// Stop the loop now: the arm lifts and the session is left as it is (the process is
    /// shutting down). A session ended by the client or staff uses `.control(.end)`.
    case halt
}
