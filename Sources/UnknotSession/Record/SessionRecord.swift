import Foundation
import UnknotCore

/// A session record read back: the header, every event in order, and the summary if the
/// session finished.
///
/// Reading tolerates what a crash leaves (a partly written last line) and says so in
/// ``truncatedLastLine``; any other damage is an error naming the line.
public struct SessionRecord: Sendable {
    public var header: SessionRecordHeader
    public var events: [TimedEvent]
    public var summary: SessionSummary?
    /// The file ended in the middle of a line (the writer stopped mid-way).
    public var truncatedLastLine: Bool

    public init(header: SessionRecordHeader, events: [TimedEvent], summary: SessionSummary?, truncatedLastLine: Bool) {
        self.header = header
        self.events = events
        self.summary = summary
        self.truncatedLastLine = truncatedLastLine
    }

    public static func read(from path: String) throws(RecordError) -> SessionRecord {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(path: path, reason: (error as NSError).localizedDescription)
        }
        return try parse(data)
    }

    public static func parse(_ data: Data) throws(RecordError) -> SessionRecord {
        let decoder = JSONDecoder()
        var header: SessionRecordHeader?
        var events: [TimedEvent] = []
        var summary: SessionSummary?
        var truncated = false
        let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        let endsWithNewline = data.last == UInt8(ascii: "\n")
        for (index, line) in lines.enumerated() where !line.isEmpty {
            let isLast = index == lines.count - 1
            do {
                switch try decoder.decode(RecordLine.self, from: Data(line)) {
                case .header(let h): header = h
                case .event(let e): events.append(e)
                case .summary(let s): summary = s
                }
            } catch {
                if isLast, !endsWithNewline {
                    truncated = true
                    break
                }
                throw .badLine(number: index + 1, reason: Self.reason(error))
            }
        }
        guard let header else { throw .noHeader }
        return SessionRecord(header: header, events: events, summary: summary, truncatedLastLine: truncated)
    }

    static func reason(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context): context.debugDescription
        case DecodingError.keyNotFound(let key, _): "missing \"\(key.stringValue)\""
        case DecodingError.typeMismatch(_, let context): context.debugDescription
        case DecodingError.valueNotFound(_, let context): context.debugDescription
        default: "not JSON"
        }
    }

    /// The telemetry samples with their times.
    public var telemetry: [(t: Int, sample: TelemetrySample)] {
        events.compactMap { if case .telemetry(let s) = $0.event { ($0.t, s) } else { nil } }
    }

    /// The console messages with their times.
    public var messages: [(t: Int, message: ConsoleMessage)] {
        events.compactMap { if case .message(let m) = $0.event { ($0.t, m) } else { nil } }
    }

    /// The policy decisions with their times.
    public var decisions: [(t: Int, decision: PolicyDecision)] {
        events.compactMap { if case .decision(let d) = $0.event { ($0.t, d) } else { nil } }
    }
}
