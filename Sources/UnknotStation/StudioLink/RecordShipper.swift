import Crypto
import Foundation
import UnknotStudioLink

/// The station's records on its own disk, and their delivery to the studio: in order, in chunks,
/// from the offset the studio says it holds, the last chunk carrying the SHA-256 of the whole.
///
/// Guarantees: a record and its ``HeldSession`` stay on disk until the studio acknowledges all of
/// it (`complete`); after a drop, delivery starts again from the studio's own offset (so a chunk
/// may go twice, never be skipped); a session found unfinished when the station starts is marked
/// interrupted, and its record delivered as it is.
struct RecordShipper {
    static let recordSuffix = ".jsonl"
    static let heldSuffix = ".session.json"

    let directory: URL
    private var held: [UUID: Entry] = [:]

    struct Entry {
        var session: HeldSession
        var sent = 0
        var finalSent = false
        var lastSentAt = ContinuousClock.Instant.now - .seconds(60)
    }

    /// While a session runs, its record goes in whole chunks, or at least this often.
    static let runningInterval = Duration.seconds(1)

    /// Opens the station's record directory (created if missing). Sessions found unfinished are
    /// now interrupted; their ids are returned.
    init(directory: URL) throws {
        self.directory = directory
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path)
        where name.hasSuffix(Self.heldSuffix) {
            let url = directory.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: url.path),
                var session = try? JSONDecoder().decode(HeldSession.self, from: data)
            else { continue }
            if !session.finished {
                session.finished = true
                session.interrupted = true
                try? Self.write(session, to: url)
            }
            held[session.assignment.session] = Entry(session: session)
        }
    }

    /// Sessions that were found interrupted when the station started.
    var interrupted: [UUID] { held.values.filter(\.session.interrupted).map(\.session.assignment.session) }

    var heldRecords: [HeldRecord] {
        held.values.map {
            HeldRecord(
                session: $0.session.assignment.session, bytes: size(of: $0.session.assignment.session),
                finished: $0.session.finished, booking: $0.session.assignment.booking)
        }.sorted { $0.session.uuidString < $1.session.uuidString }
    }

    func recordPath(_ session: UUID) -> String {
        directory.appendingPathComponent(session.uuidString + Self.recordSuffix).path
    }

    func heldURL(_ session: UUID) -> URL { directory.appendingPathComponent(session.uuidString + Self.heldSuffix) }

    /// A new session's record begins.
    mutating func begin(_ assignment: SessionAssignment) throws {
        let session = HeldSession(assignment: assignment)
        try Self.write(session, to: heldURL(assignment.session))
        held[assignment.session] = Entry(session: session)
    }

    /// The session ended without finishing while the station ran (its loop halted or its arm
    /// failed): delivered as it is, reported interrupted.
    mutating func interrupt(_ session: UUID) {
        guard var entry = held[session] else { return }
        entry.session.finished = true
        entry.session.interrupted = true
        try? Self.write(entry.session, to: heldURL(session))
        held[session] = entry
    }

    /// The session is over (its record is whole).
    mutating func finish(_ session: UUID) {
        guard var entry = held[session] else { return }
        entry.session.finished = true
        try? Self.write(entry.session, to: heldURL(session))
        held[session] = entry
    }

    /// The studio said what it holds of each record (a new link).
    mutating func welcomed(_ acknowledged: [RecordAck]) {
        for id in held.keys {
            held[id]?.sent = acknowledged.first { $0.session == id }?.offset ?? 0
            held[id]?.finalSent = false
        }
        for ack in acknowledged where ack.complete { self.acknowledged(ack) }
    }

    /// The studio holds a record up to `ack.offset`, or all of it.
    mutating func acknowledged(_ ack: RecordAck) {
        guard held[ack.session] != nil else { return }
        if ack.complete {
            held[ack.session] = nil
            try? FileManager.default.removeItem(atPath: recordPath(ack.session))
            try? FileManager.default.removeItem(at: heldURL(ack.session))
        } else if ack.offset < held[ack.session]?.sent ?? 0 {
            // The studio has less than was sent (it restarted, or refused the whole): from there.
            held[ack.session]?.sent = max(0, ack.offset)
            held[ack.session]?.finalSent = false
        }
    }

    /// The next chunks to send, at most `limit`.
    mutating func chunks(limit: Int) -> [StationMessage] {
        var chunks: [StationMessage] = []
        for id in held.keys.sorted(by: { $0.uuidString < $1.uuidString }) {
            guard var entry = held[id] else { continue }
            let total = size(of: id)
            // A running session's record goes in whole chunks or once a second, not in slivers at
            // every poll of the link.
            let due =
                entry.session.finished || total - entry.sent >= StudioLinkProtocol.recordChunkBytes
                || ContinuousClock.now - entry.lastSentAt >= Self.runningInterval
            while due, chunks.count < limit, entry.sent < total {
                guard let data = read(id, from: entry.sent, count: StudioLinkProtocol.recordChunkBytes), !data.isEmpty
                else { break }
                chunks.append(
                    .record(
                        RecordChunk(
                            session: id, booking: entry.session.assignment.booking, offset: entry.sent, data: data,
                            final: false)))
                entry.sent += data.count
                entry.lastSentAt = .now
            }
            if chunks.count < limit, entry.session.finished, !entry.finalSent, entry.sent >= total {
                chunks.append(
                    .record(
                        RecordChunk(
                            session: id, booking: entry.session.assignment.booking, offset: total, data: Data(),
                            final: true, sha256: digest(id))))
                entry.finalSent = true
            }
            held[id] = entry
        }
        return chunks
    }

    private func size(of session: UUID) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: recordPath(session)))?[.size] as? Int) ?? 0
    }

    private func read(_ session: UUID, from offset: Int, count: Int) -> Data? {
        guard let handle = FileHandle(forReadingAtPath: recordPath(session)) else { return nil }
        defer { try? handle.close() }
        do {
            try handle.seek(toOffset: UInt64(offset))
            return try handle.read(upToCount: count)
        } catch {
            return nil
        }
    }

    private func digest(_ session: UUID) -> String {
        let data = FileManager.default.contents(atPath: recordPath(session)) ?? Data()
        return SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    private static func write(_ session: HeldSession, to url: URL) throws {
        try JSONEncoder().encode(session).write(to: url, options: .atomic)
    }
}
