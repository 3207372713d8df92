/// Turns windows' scores into sound events with a start, an end and a confidence: a kind begins
/// when its score reaches its onset threshold and ends at the first window under its release
/// threshold (hysteresis), so one long laugh is one event.
///
/// Guarantees: events of one kind never overlap and come out in order of their end; ``finish()``
/// closes any still open; the thresholds are a ``HearingCalibration``'s (see docs/hearing.md for how
/// they were chosen).
public struct SoundEventTracker: Sendable {
    public struct Event: Sendable, Equatable {
        public var kind: SoundKind
        public var start: Double
        public var end: Double
        /// The highest score the kind had during the event.
        public var confidence: Float
    }

    public let thresholds: SoundThresholds
    /// The event open for each kind, in ``SoundKind`` order.
    private var open: [Event?]

    public init(thresholds: SoundThresholds) {
        self.thresholds = thresholds
        open = Array(repeating: nil, count: SoundKind.allCases.count)
    }

    /// Takes one window; calls `ended` for each event that ended with it (allocates nothing).
    public mutating func take(_ window: HeardWindow, ended: (Event) -> Void) {
        take(window, began: { _ in }, ended: ended)
    }

    /// Takes one window; calls `began` for each event that began with it (so a listener can
    /// answer at once, not when the sound is over) and `ended` for each that ended with it.
    public mutating func take(_ window: HeardWindow, began: (Event) -> Void, ended: (Event) -> Void) {
        for kind in SoundKind.allCases {
            let score = window.scores[kind]
            let level = thresholds[kind]
            if var event = open[kind.index] {
                if score >= level.release {
                    event.end = window.end
                    event.confidence = max(event.confidence, score)
                    open[kind.index] = event
                } else {
                    ended(event)
                    open[kind.index] = nil
                }
            } else if score >= level.onset {
                let event = Event(kind: kind, start: window.start, end: window.end, confidence: score)
                open[kind.index] = event
                began(event)
            }
        }
    }

    /// Ends the events still open, calling `ended` for each.
    public mutating func finish(ended: (Event) -> Void) {
        for index in open.indices {
            if let event = open[index] { ended(event) }
            open[index] = nil
        }
    }
}
