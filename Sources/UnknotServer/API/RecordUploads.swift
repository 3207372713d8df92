import Foundation
import Hummingbird
import NIOCore
import Synchronization
import UnknotStudio
import _NIOFileSystem

/// Session records sent by staff (`PUT /api/bookings/{id}/record`), received onto disk (issue
/// #17, finding 6: sixteen 64 MiB bodies held 730 MiB of memory while they arrived).
///
/// Guarantees: a record's body is never held in memory while it arrives — its bytes go to a file
/// in the studio's own inbox folder as they come, 128 KiB at a time (through swift-nio's file
/// system, off the event loops); past `limit` bytes the upload is refused (413) and its file removed; at most `uploads`
/// are received or read at once (the next is refused with 503 at once, so a handful of slow
/// senders cannot hold the disk either: `uploads × limit` at most); the file of a received record
/// is mapped, not copied, to be read, and only `reading` are read and stored at once (the others
/// wait, on disk); every file is removed when its request ends, whatever happened.
final class RecordUploads: Sendable {
    let directory: URL
    let limit: Int
    let uploads: Int
    private let inProgress = Mutex(0)
    private let turns: Turns

    init(directory: URL, limit: Int, uploads: Int = 8, reading: Int = 2) {
        self.directory = directory
        self.limit = limit
        self.uploads = max(1, uploads)
        turns = Turns(max(1, reading))
    }

    /// What an upload holds in memory before it writes to its file.
    static let buffered = 128 << 10

    /// A new file only the studio's user can read (a record is health data), written where it is
    /// named as it arrives (a transactional creation would hide it until it was whole).
    static let newFile = OpenOptions.Write(
        existingFile: .none, newFile: .init(permissions: [.ownerRead, .ownerWrite], transactionalCreation: false))

    /// How many uploads are being received or read now.
    var current: Int { inProgress.withLock { $0 } }

    /// Receives `body` onto disk, then gives its bytes (mapped from the file) to `read`, in turn.
    func receive<Body: AsyncSequence & Sendable, T: Sendable>(
        _ body: Body, _ read: (Data) async throws -> T
    ) async throws -> T where Body.Element == ArraySlice<UInt8> {
        let admitted = inProgress.withLock { count in
            guard count < uploads else { return false }
            count += 1
            return true
        }
        guard admitted else {
            throw StudioError(
                .unavailable, "the studio is receiving as many records as it can; send it again in a minute")
        }
        defer { inProgress.withLock { $0 -= 1 } }
        let file = directory.appendingPathComponent("upload-\(UUID().uuidString).ndjson")
        defer { try? FileManager.default.removeItem(at: file) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let limit = limit
        let received = Mutex(0)
        do {
            try await FileSystem.shared.withFileHandle(
                forWritingAt: FilePath(file.path), options: Self.newFile
            ) { handle in
                try await handle.withBufferedWriter(capacity: .bytes(Int64(Self.buffered))) { writer in
                    for try await chunk in body {
                        let total = received.withLock {
                            $0 += chunk.count; return $0
                        }
                        guard total <= limit else { throw CancellationError() }
                        try await writer.write(contentsOf: chunk)
                    }
                }
            }
        } catch {
            if received.withLock({ $0 }) > limit {
                throw HTTPError(
                    .contentTooLarge, message: "the record is more than \(limit) bytes; send at most \(limit)")
            }
            if error is FileSystemError {
                throw StudioError(.unavailable, "the studio could not keep the record on its disk; send it again later")
            }
            throw error
        }
        await turns.take()
        do {
            let data = try Data(contentsOf: file, options: .alwaysMapped)
            let result = try await read(data)
            await turns.give()
            return result
        } catch {
            await turns.give()
            throw error
        }
    }

    /// A fixed number of turns, taken in the order asked for.
    actor Turns {
        private var free: Int
        private var waiting: [CheckedContinuation<Void, Never>] = []

        init(_ count: Int) { free = count }

        func take() async {
            if free > 0 {
                free -= 1
                return
            }
            await withCheckedContinuation { waiting.append($0) }
        }

        func give() {
            if waiting.isEmpty {
                free += 1
            } else {
                waiting.removeFirst().resume()
            }
        }
    }
}
