import FluentKit
import Foundation
import SQLKit
import Testing

@testable import UnknotStudio

/// Many reads and writes at once on one SQLite studio, writes holding their transaction across
/// suspensions. Found in CI: two of the thread pool's threads spun for ever inside SQLite waiting
/// for a lock that a transaction held between its statements (SQLiteNIO's busy handler retries at
/// once, for ever), the statement that would release it never got a thread, and every SQLite
/// studio in the process stopped answering (63 requests timed out waiting for a connection).
/// A SQLite studio now keeps one connection, so no two of its own can wait on each other.
@Suite("SQLite under contention")
struct SQLiteContentionTests {
    @Test("reads and long writes at once all finish, none refused, every write kept")
    func readsAndWritesAtOnce() async throws {
        try await StudioOnDisk.database("contention") { database in try await Self.contend(on: database) }
    }

    struct NotSQL: Error {}

    static func sql(_ db: any Database) throws -> any SQLDatabase {
        guard let sql = db as? any SQLDatabase else { throw NotSQL() }
        return sql
    }

    static let rounds = 20
    static let writers = 6
    static let readers = 12

    static func contend(on database: StudioDatabase) async throws {
        try await database.write { db in
            try await (try Self.sql(db)).raw("CREATE TABLE contention (round INTEGER, writer INTEGER)").run()
        }
        for round in 0..<rounds {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for writer in 0..<writers {
                    group.addTask {
                        try await database.write { db in
                            let sql = try Self.sql(db)
                            try await sql.raw("INSERT INTO contention VALUES (\(bind: round), \(bind: writer))").run()
                            // Held across suspensions: the transaction keeps SQLite's write lock
                            // while no thread runs it.
                            for _ in 0..<3 { await Task.yield() }
                            _ = try await sql.raw("SELECT COUNT(*) AS n FROM contention").all()
                        }
                    }
                }
                for _ in 0..<readers {
                    group.addTask {
                        _ = try await database.read { db in
                            try await (try Self.sql(db)).raw("SELECT COUNT(*) AS n FROM contention").all()
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
        let kept = try await database.read { db in
            try await (try Self.sql(db)).raw("SELECT COUNT(*) AS n FROM contention").first(
                decodingColumn: "n", as: Int.self)
        }
        #expect(kept == rounds * writers)
    }
}
