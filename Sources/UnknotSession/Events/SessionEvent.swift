import UnknotCore

/// Everything a live session takes in and decides, in the order it happened. The engine emits
/// these; the record stores them; consoles and staff views read them.
public enum SessionEvent: Sendable, Hashable {
    case stateChanged(SessionState)
    /// A control the client pressed (an input).
    case control(ClientControl)
    /// A reaction a detector reported (an input), and whether it was acted on.
    case reaction(ReactionEvent, actedOn: Bool, note: String?)
    case decision(PolicyDecision)
    case message(ConsoleMessage)
    case checkIn(CheckIn)
    /// The open question was answered, or withdrawn with no answer.
    case checkInClosed(CheckInKind, answer: CheckInAnswer?)
    case fault(SafetyFault)
    case faultCleared
    case alert(StaffAlert)
    /// The pressure level on a part changed (by the client or by the policy).
    case levelChanged(BodyArea, from: Int, to: Int)
    case telemetry(TelemetrySample)

    /// The record's name for the event's type.
    public var type: String {
        switch self {
        case .stateChanged: "state"
        case .control: "control"
        case .reaction: "reaction"
        case .decision: "decision"
        case .message: "message"
        case .checkIn: "check-in"
        case .checkInClosed: "check-in-closed"
        case .fault: "fault"
        case .faultCleared: "fault-cleared"
        case .alert: "alert"
        case .levelChanged: "level"
        case .telemetry: "telemetry"
        }
    }

    /// Whether a staff view may show this event. Digestive noises never reach staff, and no
    /// reaction does unless the client allowed alerts; a client's own call for a person always
    /// does.
    public func isVisibleToStaff(staffMayBeAlerted: Bool) -> Bool {
        switch self {
        case .stateChanged, .fault, .faultCleared, .telemetry: true
        case .alert(let alert): alert.kind == .stationFault || alert.kind == .clientAsksForStaff || staffMayBeAlerted
        case .reaction(let reaction, _, _): staffMayBeAlerted && reaction.kind.mayReachStaff
        case .decision(let decision): staffMayBeAlerted && decision.trigger != .digestiveNoise
        case .control, .message, .checkIn, .checkInClosed, .levelChanged: false
        }
    }
}

/// A session event at a time: milliseconds since the session started (pauses included).
public struct TimedEvent: Sendable, Hashable {
    public var t: Int
    public var event: SessionEvent

    public init(t: Int, _ event: SessionEvent) {
        self.t = t
        self.event = event
    }
}

extension TimedEvent: Codable {
    enum CodingKeys: String, CodingKey {
        case t, type, state, control, reaction, actedOn, note, decision, message, checkIn, kind, answer, fault, alert
        case area, from, to, sample
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        t = try c.decode(Int.self, forKey: .t)
        let type = try c.decode(String.self, forKey: .type)
        switch type {
        case "state": event = .stateChanged(try c.decode(SessionState.self, forKey: .state))
        case "control": event = .control(try c.decode(ClientControl.self, forKey: .control))
        case "reaction":
            event = .reaction(
                try c.decode(ReactionEvent.self, forKey: .reaction), actedOn: try c.decode(Bool.self, forKey: .actedOn),
                note: try c.decodeIfPresent(String.self, forKey: .note))
        case "decision": event = .decision(try c.decode(PolicyDecision.self, forKey: .decision))
        case "message": event = .message(try c.decode(ConsoleMessage.self, forKey: .message))
        case "check-in": event = .checkIn(try c.decode(CheckIn.self, forKey: .checkIn))
        case "check-in-closed":
            event = .checkInClosed(
                try c.decode(CheckInKind.self, forKey: .kind),
                answer: try c.decodeIfPresent(CheckInAnswer.self, forKey: .answer))
        case "fault": event = .fault(try c.decode(SafetyFault.self, forKey: .fault))
        case "fault-cleared": event = .faultCleared
        case "alert": event = .alert(try c.decode(StaffAlert.self, forKey: .alert))
        case "level":
            event = .levelChanged(
                try c.decode(BodyArea.self, forKey: .area), from: try c.decode(Int.self, forKey: .from),
                to: try c.decode(Int.self, forKey: .to))
        case "telemetry": event = .telemetry(try c.decode(TelemetrySample.self, forKey: .sample))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: c, debugDescription: "unknown event type \"\(type)\"")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(t, forKey: .t)
        try c.encode(event.type, forKey: .type)
        switch event {
        case .stateChanged(let state): try c.encode(state, forKey: .state)
        case .control(let control): try c.encode(control, forKey: .control)
        case .reaction(let reaction, let acted, let note):
            try c.encode(reaction, forKey: .reaction)
            try c.encode(acted, forKey: .actedOn)
            try c.encodeIfPresent(note, forKey: .note)
        case .decision(let decision): try c.encode(decision, forKey: .decision)
        case .message(let message): try c.encode(message, forKey: .message)
        case .checkIn(let checkIn): try c.encode(checkIn, forKey: .checkIn)
        case .checkInClosed(let kind, let answer):
            try c.encode(kind, forKey: .kind)
            try c.encodeIfPresent(answer, forKey: .answer)
        case .fault(let fault): try c.encode(fault, forKey: .fault)
        case .faultCleared: break
        case .alert(let alert): try c.encode(alert, forKey: .alert)
        case .levelChanged(let area, let from, let to):
            try c.encode(area, forKey: .area)
            try c.encode(from, forKey: .from)
            try c.encode(to, forKey: .to)
        case .telemetry(let sample): try c.encode(sample, forKey: .sample)
        }
    }
}
