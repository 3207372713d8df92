/// What the client can ask for from the console under the face cradle, at any moment of a
/// session. The client's controls always win over what a detector infers.
///
/// In JSON a control is an object with a `control` name (`"pressure-up"`, `"that-hurts"` …),
/// plus `rating` for "that hurts" and `answer` for a check-in answer.
public enum ClientControl: Hashable, Sendable {
    case pressureUp
    case pressureDown
    case pause
    case resume
    /// A break, for any reason; no reason is ever asked or recorded.
    case takeBreak
    /// "That hurts", with an optional 0-10 pain rating.
    case thatHurts(rating: Int?)
    case skipThisArea
    case moreTimeHere
    case end
    /// The client asks for a member of staff to come (always passed on: it is the client's own call).
    case callStaff
    /// A one-tap answer to the open check-in question.
    case answer(CheckInAnswer)

    /// The control's name on the wire and in records.
    public var name: String {
        switch self {
        case .pressureUp: "pressure-up"
        case .pressureDown: "pressure-down"
        case .pause: "pause"
        case .resume: "resume"
        case .takeBreak: "break"
        case .thatHurts: "that-hurts"
        case .skipThisArea: "skip-this-area"
        case .moreTimeHere: "more-time-here"
        case .end: "end"
        case .callStaff: "call-staff"
        case .answer: "answer"
        }
    }

    /// What the client pressed, in words.
    public var displayName: String {
        switch self {
        case .pressureUp: "pressure up"
        case .pressureDown: "pressure down"
        case .pause: "pause"
        case .resume: "resume"
        case .takeBreak: "break"
        case .thatHurts(let rating): rating.map { "that hurts (\($0)/10)" } ?? "that hurts"
        case .skipThisArea: "skip this area"
        case .moreTimeHere: "more time here"
        case .end: "end the session"
        case .callStaff: "call a person"
        case .answer(let answer): "answered \"\(answer.label)\""
        }
    }

    /// Every control name, for error messages.
    public static let names = [
        "pressure-up", "pressure-down", "pause", "resume", "break", "that-hurts", "skip-this-area", "more-time-here",
        "end", "call-staff", "answer",
    ]
}

extension ClientControl: Codable {
    enum CodingKeys: String, CodingKey { case control, rating, answer }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let name = try c.decode(String.self, forKey: .control)
        switch name {
        case "pressure-up": self = .pressureUp
        case "pressure-down": self = .pressureDown
        case "pause": self = .pause
        case "resume": self = .resume
        case "break": self = .takeBreak
        case "that-hurts":
            let rating = try c.decodeIfPresent(Int.self, forKey: .rating)
            if let rating, !(0...10).contains(rating) {
                throw DecodingError.dataCorruptedError(
                    forKey: .rating, in: c, debugDescription: "pain rating \(rating) is outside 0-10")
            }
            self = .thatHurts(rating: rating)
        case "skip-this-area": self = .skipThisArea
        case "more-time-here": self = .moreTimeHere
        case "end": self = .end
        case "call-staff": self = .callStaff
        case "answer": self = .answer(try c.decode(CheckInAnswer.self, forKey: .answer))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .control, in: c,
                debugDescription: "unknown control \"\(name)\"; use one of \(Self.names.joined(separator: ", "))")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .control)
        switch self {
        case .thatHurts(let rating): try c.encodeIfPresent(rating, forKey: .rating)
        case .answer(let answer): try c.encode(answer, forKey: .answer)
        default: break
        }
    }
}
