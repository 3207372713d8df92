/// One reading from the body sensors at the table (a chest strap's heart beats, a skin
/// conductance sensor and a breathing band), in station time.
public enum BodySensorReading: Sendable, Hashable {
    /// A heart beat: the RR interval (ms) ending at station time `at` (ms).
    case beat(rrMilliseconds: Double, at: Int)
    /// A skin conductance (µS) and breathing (the band's stretch, any unit) sample at `at` ms.
    case sample(skinConductance: Double, respiration: Double, at: Int)

    /// Station time of the reading, ms.
    public var time: Int {
        switch self {
        case .beat(_, let at), .sample(_, _, let at): at
        }
    }
}

/// Where the station's body sensors come in: a network adapter (``BodySensorSocket``) or a
/// simulated body. `next` waits at most the given time for a reading.
public protocol BodySensorSource {
    mutating func next(waitingUpTo milliseconds: Int) -> BodySensorEvent
}

/// What a body-sensor source has now.
public enum BodySensorEvent: Sendable, Hashable {
    case reading(BodySensorReading)
    /// Nothing within the wait.
    case nothing
    /// The source is over (a simulated body's session ended; a file ran out).
    case ended
}
