import UnknotSession

/// A session on a station that runs one millisecond at a time when asked, with nothing real
/// behind it to wait for: a simulated arm and body (a demo station), stepped by a
/// ``StationRuntime``. (A station with hardware runs its session in a ``StationLoop``.)
public protocol SteppedStation: Sendable {
    /// The session's engine (read only; change it through ``withEngine(_:)``).
    var engine: SessionEngine { get }
    var isFinished: Bool { get }
    /// Events produced and not yet taken.
    var pendingEventCount: Int { get }
    /// Breaths per minute as the station reads them from the body (0 when it does not).
    var breathsPerMinute: Double { get }
    /// What the station is, for the record's header: a simulated one's seed, and its arm.
    var seed: UInt64 { get }
    var robotIdentity: RobotIdentity { get }
    /// One millisecond; `false` once the session is over.
    mutating func step() -> Bool
    mutating func takeEvents(into buffer: inout [TimedEvent])
    mutating func withEngine<R>(_ body: (inout SessionEngine) -> R) -> R
}
