/// One line of a session record (JSON Lines): the header, an event, or the closing summary.
public enum RecordLine: Sendable, Hashable {
    case header(SessionRecordHeader)
    case event(TimedEvent)
    case summary(SessionSummary)
}

extension RecordLine: Codable {
    enum CodingKeys: String, CodingKey { case type, header, summary }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.decode(String.self, forKey: .type) {
        case "header": self = .header(try c.decode(SessionRecordHeader.self, forKey: .header))
        case "summary": self = .summary(try c.decode(SessionSummary.self, forKey: .summary))
        default: self = .event(try TimedEvent(from: decoder))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .header(let header):
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode("header", forKey: .type)
            try c.encode(header, forKey: .header)
        case .summary(let summary):
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode("summary", forKey: .type)
            try c.encode(summary, forKey: .summary)
        case .event(let event): try event.encode(to: encoder)
        }
    }
}
