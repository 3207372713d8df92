import Foundation

/// The station's state now, as the console under the face cradle (or a client's browser through
/// the studio) shows it, about ten times a second. The station computes it; the studio relays it
/// unchanged.
public struct ConsoleStatus: Codable, Sendable, Hashable {
    public var type = "status"
    /// Milliseconds since the session started (pauses included).
    public var time: Int
    public var state: String
    public var stateText: String
    public var planTime: Int
    public var remaining: Int
    public var phase: String
    public var area: String?
    public var contact: Bool
    public var x: Double
    public var y: Double
    public var face: String
    public var level: Int
    public var heartRate: Int
    public var breathing: Int
    public var relaxation: Double?
    public var relaxationWords: String
    public var checkIn: ConsoleCheckIn?
    public var finished: Bool
    /// Where the session's report is, once it is stored (set by the studio).
    public var report: String?
    /// Staff's emergency stop holds the arm (only staff release it).
    public var stopped: Bool
    /// Whether Resume would carry on now (a pause or a break, or a fault whose cause is gone); the
    /// console shows Resume only then.
    public var canResume: Bool

    public init(
        time: Int, state: String, stateText: String, planTime: Int, remaining: Int, phase: String, area: String?,
        contact: Bool, x: Double, y: Double, face: String, level: Int, heartRate: Int, breathing: Int,
        relaxation: Double?, relaxationWords: String, checkIn: ConsoleCheckIn?, finished: Bool, report: String?,
        stopped: Bool = false, canResume: Bool = false
    ) {
        self.stopped = stopped
        self.canResume = canResume
        self.time = time
        self.state = state
        self.stateText = stateText
        self.planTime = planTime
        self.remaining = remaining
        self.phase = phase
        self.area = area
        self.contact = contact
        self.x = x
        self.y = y
        self.face = face
        self.level = level
        self.heartRate = heartRate
        self.breathing = breathing
        self.relaxation = relaxation
        self.relaxationWords = relaxationWords
        self.checkIn = checkIn
        self.finished = finished
        self.report = report
    }
}

/// An open check-in question with its one-tap answers.
public struct ConsoleCheckIn: Codable, Sendable, Hashable {
    public var question: String
    public var answers: [Answer]

    public struct Answer: Codable, Sendable, Hashable {
        public var value: String
        public var label: String
        public init(value: String, label: String) {
            self.value = value
            self.label = label
        }
    }

    public init(question: String, answers: [Answer]) {
        self.question = question
        self.answers = answers
    }
}

/// A message the station said to the client, as the console shows it (the time is session time, ms).
public struct ConsoleSaid: Codable, Sendable, Hashable {
    public var type = "message"
    public var t: Int
    public var text: String
    public init(t: Int, text: String) {
        self.t = t
        self.text = text
    }
}

/// The part the arm pressed on and the most pressure it felt there so far.
public struct ConsolePressure: Codable, Sendable, Hashable {
    public var type = "pressure"
    public var part: String
    public var level: Int
    public init(part: String, level: Int) {
        self.part = part
        self.level = level
    }
}
