import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Logging
import NIOCore
import NIOPosix
import SQLKit
import Synchronization

/// The studio's database: SQLite by default, PostgreSQL at scale, the same schema and the same
/// queries on both. Opening it runs the migrations.
///
/// Guarantees: every write that must be all-or-nothing goes through ``write(_:)``, one
/// transaction; on SQLite those transactions queue in the process (see `WriteGate`), and every
/// database open on one file shares its one connection (``SQLiteFile``); ``shutdown()`` closes
/// this database's connections (a SQLite file's once the last database on it closes) and may be
/// called more than once.
public final class StudioDatabase: Sendable {
    public let storage: StudioStorage
    let databases: Databases
    let logger: Logger
    let gate: WriteGate?
    /// On SQLite, the one event loop whose connection every query uses (``SQLiteFile``).
    private let home: (any EventLoop)?
    private let closed = Mutex(false)

    private init(storage: StudioStorage, databases: Databases, logger: Logger) {
        self.storage = storage
        self.databases = databases
        self.logger = logger
        gate = nil
        home = nil
    }

    private init(storage: StudioStorage, file: SQLiteFile, logger: Logger) {
        self.storage = storage
        self.databases = file.databases
        self.logger = logger
        gate = file.gate
        home = file.home
    }

    /// Opens the database and brings its schema up to date.
    ///
    /// - Throws: ``StudioError`` (`unavailable`) naming the database and what to check.
    public static func open(_ storage: StudioStorage, logger: Logger) async throws(StudioError) -> StudioDatabase {
        let database: StudioDatabase
        switch storage {
        case .sqlite(let path):
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
            guard FileManager.default.fileExists(atPath: folder) else {
                throw StudioError(
                    .unavailable,
                    "cannot create \(path): the folder \(folder) does not exist; create it or pick another path")
            }
            database = StudioDatabase(storage: storage, file: SQLiteFile.take(path), logger: logger)
        case .postgres(let url):
            let databases = Databases(threadPool: NIOThreadPool.singleton, on: MultiThreadedEventLoopGroup.singleton)
            do {
                databases.use(
                    try .postgres(url: url, maxConnectionsPerEventLoop: 8, sqlLogLevel: .trace), as: .psql)
            } catch {
                let shown = url.contains("@") ? storage.description : "'\(url)'"
                throw StudioError(
                    .unavailable,
                    "cannot read the database address \(shown): write it as postgres://user:password@host:5432/database"
                )
            }
            database = StudioDatabase(storage: storage, databases: databases, logger: logger)
        }
        do {
            try await database.prepare()
        } catch {
            await database.shutdown()
            throw StudioError(.unavailable, "cannot open \(storage): \(String(reflecting: error))")
        }
        return database
    }

    private func prepare() async throws {
        if case .sqlite = storage, let sql = try db as? any SQLDatabase {
            // Readers do not wait for the writer, and the writer does not wait for readers.
            try await sql.raw("PRAGMA journal_mode=WAL").run()
            // Another process on the file (SQLite serves one; a command run beside the server)
            // is waited for up to 5 s, sleeping, then refused: this replaces SQLiteNIO's busy
            // handler, which retries at once and for ever, on the file's one connection.
            try await sql.raw("PRAGMA busy_timeout = 5000").run()
        }
        try await whileStarting { try await self.migrate() }
    }

    /// Runs `body` while no other server starting on the same database runs its own: on
    /// PostgreSQL, under an advisory lock held on one connection (several servers may start at
    /// once; the first migrates and sets up, the others wait and then find nothing to do). On
    /// SQLite, which serves one process, it simply runs `body`.
    public func whileStarting<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
        guard case .postgres = storage else { return try await body() }
        return try await db.withConnection { connection in
            guard let sql = connection as? any SQLDatabase else { return try await body() }
            try await sql.raw("SELECT pg_advisory_lock(\(literal: Self.migrationLock))").run()
            do {
                let result = try await body()
                try await sql.raw("SELECT pg_advisory_unlock(\(literal: Self.migrationLock))").run()
                return result
            } catch {
                try? await sql.raw("SELECT pg_advisory_unlock(\(literal: Self.migrationLock))").run()
                throw error
            }
        }
    }

    /// The PostgreSQL advisory lock held while starting ("unknot" in ASCII).
    static let migrationLock = 0x75_6e_6b_6e_6f_74

    private func migrate() async throws {
        let migrations = Migrations()
        migrations.add(CreateStudioSchema())
        migrations.add(AddSignInThrottle())
        migrations.add(AddSessionFeedback())
        migrations.add(AddStationCredentials())
        migrations.add(AddRecordOrigin())
        migrations.add(AddSignInDevices())
        migrations.add(AddMailOutbox())
        migrations.add(AddResetsAndReminders())
        migrations.add(AddClientCells())
        migrations.add(AddWaitlist())
        migrations.add(AddDayAnswers())
        migrations.add(AddCouples())
        let migrator = Migrator(
            databases: databases, migrations: migrations, logger: logger, on: home ?? databases.eventLoopGroup.any())
        try await migrator.setupIfNeeded().get()
        try await migrator.prepareBatch().get()
    }

    /// A database handle. Once the database is shut down (a server stopping while requests are
    /// still in flight) there is none: the request fails as `unavailable` instead of the process.
    /// On SQLite every handle is on the file's one connection (``SQLiteFile``).
    var db: any Database {
        get throws(StudioError) {
            guard !closed.withLock({ $0 }),
                let database = databases.database(logger: logger, on: home ?? databases.eventLoopGroup.any())
            else { throw StudioError(.unavailable, "the database is closed: the studio is shutting down; try again") }
            return database
        }
    }

    /// Runs `body` in one transaction (queued behind other writes on SQLite). A unique constraint
    /// that fails inside it comes out as a ``StudioError`` of kind `conflict` with `conflict`'s message.
    func write<T: Sendable>(
        conflict: String = "that was changed meanwhile; try again",
        _ body: @escaping @Sendable (any Database) async throws -> T
    ) async throws(StudioError) -> T {
        if let gate { await gate.enter() }
        do {
            let result = try await db.transaction { tx in try await body(tx) }
            if let gate { await gate.leave() }
            return result
        } catch let error as StudioError {
            if let gate { await gate.leave() }
            throw error
        } catch let error as any DatabaseError where error.isConstraintFailure {
            if let gate { await gate.leave() }
            throw StudioError(.conflict, conflict)
        } catch {
            if let gate { await gate.leave() }
            throw StudioError(.unavailable, "the database failed: \(String(describing: error))")
        }
    }

    /// Runs a read, turning database failures into ``StudioError``.
    func read<T: Sendable>(_ body: (any Database) async throws -> T) async throws(StudioError) -> T {
        do {
            return try await body(try db)
        } catch let error as StudioError {
            throw error
        } catch {
            throw StudioError(.unavailable, "the database failed: \(String(describing: error))")
        }
    }

    /// Whether the database answers a trivial query.
    public func isHealthy() async -> Bool {
        guard let sql = try? db as? any SQLDatabase else { return false }
        do {
            _ = try await sql.raw("SELECT 1").all()
            return true
        } catch {
            return false
        }
    }

    /// Closes every connection.
    public func shutdown() async {
        let first = closed.withLock { closed in
            defer { closed = true }
            return !closed
        }
        guard first else { return }
        if case .sqlite(let path) = storage {
            await SQLiteFile.give(back: path)
        } else {
            await databases.shutdownAsync()
        }
    }
}
