import FluentKit
import Foundation
import SQLKit
import Testing

@testable import UnknotStudio

/// Many reads and writes at once on one SQLite file, through three studio databases opened on it
/// (a server's, the demo stations' credentials, a second studio a test opens), writes holding their
/// transaction across suspensions. Found in CI: two of the thread pool's threads spun for ever
/// inside SQLite waiting for a lock that another connection's transaction held between its
/// statements (SQLiteNIO's busy handler retries at once, for ever); the statement that would
/// release it never got a thread, and every SQLite studio in the process stopped answering (63
/// requests timed out waiting for a connection). Every database on a file now shares its one
/// connection (`SQLiteFile`), so no two of the process's own can wait on each other.
@Suite("SQLite under contention")
struct SQLiteContentionTests {
    @Test("reads and long writes at once, through three databases on one file, all finish and are all kept")
    func readsAndWritesAtOnce() async throws {
        try await StudioOnDisk.database("contention") { first in
            let second = try await StudioDatabase.open(first.storage, logger: first.logger)
            let third = try await StudioDatabase.open(first.storage, logger: first.logger)
            do {
                try await Self.contend(on: [first, second, third])
            } catch {
                await second.shutdown()
                await third.shutdown()
                throw error
            }
            await second.shutdown()
            await third.shutdown()
        }
    }

    @Test("a database closed while another on its file is open leaves that one working")
    func closingOneOfTwo() async throws {
        try await StudioOnDisk.database("closing") { first in
            let second = try await StudioDatabase.open(first.storage, logger: first.logger)
            await second.shutdown()
            #expect(await first.isHealthy())
            #expect(await second.isHealthy() == false)
        }
    }

    struct NotSQL: Error {}

    static func sql(_ db: any Database) throws -> any SQLDatabase {
        guard let sql = db as? any SQLDatabase else { throw NotSQL() }
        return sql
    }

    static let rounds = 20
    static let writers = 6
    static let readers = 12

    static func contend(on databases: [StudioDatabase]) async throws {
        let database = databases[0]
        try await database.write { db in
            try await (try Self.sql(db)).raw("CREATE TABLE contention (round INTEGER, writer INTEGER)").run()
        }
        for round in 0..<rounds {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for writer in 0..<writers {
                    let database = databases[writer % databases.count]
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
                for reader in 0..<readers {
                    let database = databases[reader % databases.count]
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
