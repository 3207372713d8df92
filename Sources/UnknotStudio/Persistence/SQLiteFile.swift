import FluentKit
import FluentSQLiteDriver
import Foundation
import NIOCore
import NIOPosix
import Synchronization

/// One SQLite file as this process holds it: one connection (every query on one event loop's
/// pool of one) and one queue for write transactions, shared by every ``StudioDatabase`` opened
/// on the file — the server's, the demo stations' credentials, a second studio a test opens.
///
/// Guarantees: while any of them is open, the process has exactly one connection to the file,
/// so no two of its own connections ever wait on each other's locks. They did: SQLiteNIO's busy
/// handler retries a locked database at once and for ever, on a thread of the shared thread pool,
/// and two such threads spun (100 % system time) on a lock held by a transaction between its
/// statements, which then never got a thread to finish — every SQLite studio in the process
/// stopped answering. The last to close shuts the connection.
final class SQLiteFile: Sendable {
    let databases: Databases
    let gate = WriteGate()
    /// The event loop whose connection every query uses.
    let home: any EventLoop

    private init(path: String) {
        databases = Databases(threadPool: NIOThreadPool.singleton, on: MultiThreadedEventLoopGroup.singleton)
        databases.use(.sqlite(.file(path), sqlLogLevel: .trace), as: .sqlite)
        home = databases.eventLoopGroup.next()
    }

    /// The files open now, by their resolved path, with how many databases use each.
    private static let open = Mutex<[String: (file: SQLiteFile, users: Int)]>([:])

    /// The file at `path`, opened if this process does not hold it yet.
    static func take(_ path: String) -> SQLiteFile {
        open.withLock { open in
            let key = Self.key(path)
            if let held = open[key] {
                open[key] = (held.file, held.users + 1)
                return held.file
            }
            let file = SQLiteFile(path: path)
            open[key] = (file, 1)
            return file
        }
    }

    /// Gives the file at `path` back; the last to give it back shuts its connection.
    static func give(back path: String) async {
        let last: SQLiteFile? = open.withLock { open in
            let key = Self.key(path)
            guard let held = open[key] else { return nil }
            if held.users > 1 {
                open[key] = (held.file, held.users - 1)
                return nil
            }
            open[key] = nil
            return held.file
        }
        if let last { await last.databases.shutdownAsync() }
    }

    private static func key(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
