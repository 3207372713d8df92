import UnknotSession

#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// Writes a running station's record to its own disk, off the loop: takes the loop's events as
/// they come and appends them to a JSON Lines file, synced to the disk at least every 100 ms of
/// session time, so a crash or a power cut loses at most that; the summary when the session
/// finishes.
///
/// The station keeps the file until the studio has acknowledged all of it (the studio link's
/// part).
public final class RecordKeeper: @unchecked Sendable {
    public let writer: SessionRecordWriter
    /// How long the keeper waits between takes, ms (well under the writer's 100 ms).
    public static let intervalMilliseconds = 20
    private var buffer: [TimedEvent] = []

    public init(path: String, header: SessionRecordHeader) throws(RecordError) {
        writer = try SessionRecordWriter(path: path, header: header, syncToDisk: true)
        buffer.reserveCapacity(65_536)
    }

    /// Keeps `loop`'s record until the loop has ended and every event is written, on the
    /// calling thread. A session that finished gets its summary line; a halted one does not.
    public func keep<Hardware>(_ loop: StationLoop<Hardware>) throws(RecordError) {
        while true {
            let outcome = loop.outcome
            loop.events.drain(into: &buffer)
            if let last = buffer.last {
                try writer.append(buffer, now: last.t)
                buffer.removeAll(keepingCapacity: true)
            }
            if let outcome {
                try writer.flush()
                if case .finished(let summary) = outcome { try writer.finish(with: summary) }
                return
            }
            var none = pollfd(fd: -1, events: 0, revents: 0)
            _ = poll(&none, 1, Int32(Self.intervalMilliseconds))
        }
    }
}
