/// The breath events of a whole recording: sighs, laughter bouts and bouts of sob-like
/// breathing, read by a ``BreathEventReader`` over the raw signal (the bursts live above the
/// 3 Hz the breath cleaning keeps).
///
/// Guarantees: the same events the live reader finds, sample for sample; times in ms from the
/// first sample; bouts still going at the end end there.
public struct BreathEvents: Sendable, Hashable, Codable {
    /// A stretch of time, ms.
    public struct Bout: Sendable, Hashable, Codable {
        public var start: Int
        public var end: Int
    }

    /// When each sigh ended (ms), and how many times as deep as the recent breaths it was.
    public var sighs: [Int] = []
    public var sighDepths: [Double] = []
    public var laughter: [Bout] = []
    public var sobbing: [Bout] = []

    public init() {}

    /// Reads `signal` (raw breathing, at least 20 Hz).
    public static func read(
        _ signal: [Double], sampleRate: Double,
        configuration: BreathEventReader.Configuration = BreathEventReader.Configuration()
    ) throws(SignalError) -> BreathEvents {
        var onsets = try BodySignalStream(sampleRate: sampleRate)
        var reader = try BreathEventReader(sampleRate: sampleRate, configuration: configuration)
        var events = BreathEvents()
        var laughStart: Int?
        var sobStart: Int?
        var time = 0
        for (i, value) in signal.enumerated() {
            time = Int((Double(i) * 1_000 / sampleRate).rounded())
            let began = onsets.breath(value, at: time)
            switch reader.step(value, at: time, breathBegan: began) {
            case .sigh(let ratio):
                events.sighs.append(time)
                events.sighDepths.append(ratio)
            case .laughterBegan(let start): laughStart = start
            case .laughterEnded:
                if let start = laughStart { events.laughter.append(Bout(start: start, end: time)) }
                laughStart = nil
            case .sobbingBegan(let start): sobStart = start
            case .sobbingEnded:
                if let start = sobStart { events.sobbing.append(Bout(start: start, end: time)) }
                sobStart = nil
            case nil: break
            }
        }
        if let start = laughStart { events.laughter.append(Bout(start: start, end: time)) }
        if let start = sobStart { events.sobbing.append(Bout(start: start, end: time)) }
        return events
    }
}
