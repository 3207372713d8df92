/// One sample of the slow body signals, 25 times a second.
public struct BiosignalSample: Sendable, Hashable, Codable {
    /// Milliseconds since the session started.
    public var t: Int
    /// Skin conductance, microsiemens.
    public var skinConductance: Double
    /// Chest expansion, arbitrary units around 0 (inhale up).
    public var respiration: Double

    public init(t: Int, skinConductance: Double, respiration: Double) {
        self.t = t
        self.skinConductance = skinConductance
        self.respiration = respiration
    }
}

/// The body signals of a whole simulated session, kept only when asked for (it grows with the
/// session's length).
public struct BiosignalLog: Sendable, Hashable, Codable {
    /// Beats: time (ms since start) and RR interval (ms).
    public var beats: [Beat] = []
    public var samples: [BiosignalSample] = []
    public static let sampleRate = 25.0

    public init() {}

    public struct Beat: Sendable, Hashable, Codable {
        public var t: Int
        public var rr: Double
    }
}
