import Crypto
import Foundation
import UnknotStudioLink

/// Records arriving from stations, chunk by chunk, until each is whole and checked: kept by
/// offset in a spool file per session, so a chunk sent twice is harmless and a gap is asked for
/// again.
///
/// Guarantees: bytes are kept only in order (a chunk past the end is not kept; the answer says
/// from where to send again); a record is whole only when its final chunk's SHA-256 matches every
/// byte kept; a session's record is taken only from the station that sent its first chunk. The
/// station keeps its own copy until the studio has stored the record, so the spool may be lost
/// (a restart) without losing a record.
actor RecordInbox {
    /// What the inbox makes of a chunk.
    enum Outcome: Sendable, Equatable {
        /// The studio holds bytes up to `offset`.
        case holding(offset: Int)
        /// The record is whole and checked (its bytes, for the studio to store).
        case whole(Data)
        /// The final chunk's SHA-256 does not match: the station sends it all again.
        case corrupt
    }

    static let largestRecord = 256 * 1_024 * 1_024

    let directory: URL
    private var spools: [UUID: (station: Int, size: Int)] = [:]

    /// A folder of this studio instance's own: two instances in one process (or on one machine)
    /// never share spools (one emptying the folder as it started lost the other's records in
    /// flight).
    static func ownDirectory(in parent: URL = FileManager.default.temporaryDirectory) -> URL {
        parent.appendingPathComponent(
            "\(folderPrefix)\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
    }

    static let folderPrefix = "unknot-record-inbox-"

    /// Removes the inbox folders in `parent` that processes no longer running left behind (a
    /// studio killed, or stopped before its folder was removed): their spools were only partial
    /// copies of records the stations still hold. Returns how many went.
    @discardableResult
    static func sweepAbandoned(in parent: URL = FileManager.default.temporaryDirectory) -> Int {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        var removed = 0
        for name in names where name.hasPrefix(folderPrefix) {
            let rest = name.dropFirst(folderPrefix.count)
            guard let pid = rest.split(separator: "-").first.flatMap({ Int32($0) }), pid > 0,
                kill(pid, 0) != 0, errno == ESRCH
            else { continue }
            if (try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))) != nil { removed += 1 }
        }
        return removed
    }

    /// The studio is stopping: the folder goes (what it spooled, the stations send again).
    func close() {
        try? FileManager.default.removeItem(at: directory)
        spools.removeAll()
    }

    init(directory: URL) {
        self.directory = directory
        try? FileManager.default.removeItem(at: directory)
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    /// How much of `session` the inbox holds (0 when nothing).
    func offset(of session: UUID, station: Int) -> Int {
        guard let spool = spools[session], spool.station == station else { return 0 }
        return spool.size
    }

    func receive(_ chunk: RecordChunk, from station: Int) -> Outcome {
        let path = directory.appendingPathComponent(chunk.session.uuidString).path
        var spool = spools[chunk.session] ?? (station, 0)
        guard spool.station == station else { return .holding(offset: 0) }
        // A spool that went missing (removed from outside) is begun again: the answer asks the
        // station for everything, rather than for bytes that can never be kept.
        if spool.size > 0, !FileManager.default.fileExists(atPath: path) { spool.size = 0 }
        if spool.size == 0, !FileManager.default.fileExists(atPath: path) {
            _ = FileManager.default.createFile(atPath: path, contents: nil)
        }
        let end = chunk.offset + chunk.data.count
        if chunk.offset <= spool.size, end > spool.size, end <= Self.largestRecord,
            let handle = FileHandle(forWritingAtPath: path)
        {
            let fresh = chunk.data.suffix(from: chunk.data.startIndex + (spool.size - chunk.offset))
            do {
                try handle.seekToEnd()
                try handle.write(contentsOf: fresh)
                spool.size = end
            } catch {}
            try? handle.close()
        }
        spools[chunk.session] = spool
        guard chunk.final, chunk.offset == spool.size else { return .holding(offset: spool.size) }
        let data = FileManager.default.contents(atPath: path) ?? Data()
        let digest = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
        guard digest == chunk.sha256 else {
            discard(chunk.session)
            return .corrupt
        }
        return .whole(data)
    }

    /// The record is stored (or given up): its spool goes.
    func discard(_ session: UUID) {
        spools[session] = nil
        try? FileManager.default.removeItem(at: directory.appendingPathComponent(session.uuidString))
    }
}
