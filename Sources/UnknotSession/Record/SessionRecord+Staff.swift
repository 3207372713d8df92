import Foundation
import UnknotCore

extension SessionRecord {
    /// The record as studio staff may see it (CARE.md: digestive noises are never recorded with
    /// the client's name on any staff view): every digestive noise noticed, every decision about
    /// one and their count in the summary are left out; everything else is as recorded.
    ///
    /// Who may see the record at all (the client's own choice to let staff be alerted) is the
    /// studio's rule; this is what is left out even then.
    public func seenByStaff() -> SessionRecord {
        var copy = self
        copy.events = events.filter { timed in
            switch timed.event {
            case .reaction(let reaction, _, _): reaction.kind.mayReachStaff
            case .decision(let decision): decision.trigger != .digestiveNoise
            default: true
            }
        }
        if var summary {
            summary.reactions = summary.reactions.filter { $0.key.mayReachStaff }
            summary.responses = summary.responses.filter { $0.key != .digestiveNoise }
            copy.summary = summary
        }
        return copy
    }

    /// The record as JSON Lines, the way ``SessionRecordWriter`` writes it: the header, every
    /// event, the summary if the session finished.
    public func jsonLines() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        var out = Data()
        func line(_ value: RecordLine) throws {
            out.append(try encoder.encode(value))
            out.append(0x0A)
        }
        try line(.header(header))
        for event in events { try line(.event(event)) }
        if let summary { try line(.summary(summary)) }
        return out
    }
}
