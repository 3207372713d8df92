import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Appends a session's record to a JSON Lines file as it happens: the header first, then every
/// event, then the summary.
///
/// Guarantees: lines are handed to the operating system at least every ``flushMilliseconds`` of
/// session time, so a crash of the process loses at most the last 100 ms; with `syncToDisk`
/// each flush also waits for the disk (for a station, where power can fail). ``writeOut()`` hands
/// lines to the operating system more often without waiting for the disk: the disk is synced at
/// most once per 100 ms of session time by ``append(_:now:)``, whatever the caller's pace. A partly written
/// last line is the only damage a crash can do, and ``SessionRecord/read(from:)`` tolerates it.
/// Telemetry lines are encoded by hand (the record's hottest path); everything else with
/// `JSONEncoder`. Not thread-safe: one session, one writer.
public final class SessionRecordWriter {
    public static let flushMilliseconds = 100

    public let path: String
    public let syncToDisk: Bool
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private let encoder: JSONEncoder
    private var lastFlushAt = 0
    public private(set) var linesWritten = 0
    /// How many times the file was synced to the disk.
    public private(set) var diskSyncs = 0

    public init(path: String, header: SessionRecordHeader, syncToDisk: Bool = false) throws(RecordError) {
        self.path = path
        self.syncToDisk = syncToDisk
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw .cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        descriptor = fd
        encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        buffer.reserveCapacity(1 << 16)
        try appendEncoded(RecordLine.header(header))
        try flush()
    }

    deinit { close(descriptor) }

    /// Appends events; flushes when 100 ms of session time have passed since the last flush.
    public func append(_ events: [TimedEvent], now: Int) throws(RecordError) {
        for event in events {
            if case .telemetry(let sample) = event.event {
                appendTelemetry(sample, at: event.t)
            } else {
                try appendEncoded(RecordLine.event(event))
            }
        }
        if now - lastFlushAt >= Self.flushMilliseconds {
            lastFlushAt = now
            try flush()
        }
    }

    /// Writes the summary line and everything still buffered.
    public func finish(with summary: SessionSummary) throws(RecordError) {
        try appendEncoded(RecordLine.summary(summary))
        try flush()
        if !syncToDisk { sync() }
    }

    /// Hands everything buffered to the operating system (and to the disk with `syncToDisk`).
    public func flush() throws(RecordError) {
        try writeOut()
        if syncToDisk { sync() }
    }

    /// Hands everything buffered to the operating system, without waiting for the disk: a crash
    /// of the process loses nothing written out; a power cut, what came since the last sync.
    public func writeOut() throws(RecordError) {
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { raw in
                write(descriptor, raw.baseAddress! + offset, raw.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw .writeFailed(path: path, reason: String(cString: strerror(errno)))
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }

    private func sync() {
        fsync(descriptor)
        diskSyncs += 1
    }

    private func appendEncoded(_ line: RecordLine) throws(RecordError) {
        do {
            buffer.append(contentsOf: try encoder.encode(line))
        } catch {
            throw .writeFailed(path: path, reason: "could not encode an entry: \(error)")
        }
        buffer.append(UInt8(ascii: "\n"))
        linesWritten += 1
    }

    /// `{"t":…,"type":"telemetry","sample":{…}}`, the same JSON `JSONEncoder` would write.
    private func appendTelemetry(_ s: TelemetrySample, at t: Int) {
        append("{\"t\":")
        append(t)
        append(",\"type\":\"telemetry\",\"sample\":{\"planTime\":")
        append(s.planTime)
        append(",\"state\":\"")
        append(s.state.rawValue)
        append("\",\"contact\":")
        append(s.contact ? "true" : "false")
        append(",\"x\":")
        append(fixed: s.x)
        append(",\"y\":")
        append(fixed: s.y)
        append(",\"face\":\"")
        append(s.face.rawValue)
        append("\"")
        if let part = s.part {
            append(",\"part\":{\"region\":\"")
            append(part.region.rawValue)
            append("\",\"side\":\"")
            append(part.side.rawValue)
            append("\"}")
        }
        if let technique = s.technique {
            append(",\"technique\":\"")
            append(technique.rawValue)
            append("\"")
        }
        append(",\"level\":")
        append(s.level)
        append(",\"targetForce\":")
        append(fixed: s.targetForce)
        append(",\"measuredForce\":")
        append(fixed: s.measuredForce)
        append(",\"heartRate\":")
        append(fixed: s.heartRate)
        append("}}\n")
        linesWritten += 1
    }

    private func append(_ text: String) {
        var text = text
        text.withUTF8 { buffer.append(contentsOf: $0) }
    }

    private func append(_ value: Int) {
        if value < 0 { buffer.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        let first = buffer.count
        repeat {
            buffer.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        buffer[first...].reverse()
    }

    /// A number with two decimals (centimetres, newtons and bpm need no more).
    private func append(fixed value: Double) {
        guard value.isFinite else { return append(0) }
        let hundredths = Int((value * 100).rounded())
        if hundredths < 0 { buffer.append(UInt8(ascii: "-")) }
        let magnitude = abs(hundredths)
        append(magnitude / 100)
        let fraction = magnitude % 100
        if fraction != 0 {
            buffer.append(UInt8(ascii: "."))
            buffer.append(UInt8(ascii: "0") + UInt8(fraction / 10))
            if fraction % 10 != 0 { buffer.append(UInt8(ascii: "0") + UInt8(fraction % 10)) }
        }
    }
}
