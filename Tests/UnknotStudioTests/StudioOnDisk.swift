import Foundation
import Logging
import UnknotCore
import UnknotStudio

/// A studio on its own SQLite file in the temporary folder, for the property tests: opened with
/// the settings and clock a test gives, shut down and then deleted after `body`, whatever it throws.
enum StudioOnDisk {
    static func run(
        _ name: String, settings: StudioSettings = .forTests, clock: SettableClock,
        _ body: (Studio) async throws -> Void
    ) async throws {
        try await database(name) { database in
            try await body(
                Studio(database: database, settings: settings, catalog: try ProgramCatalog.bundled(), clock: clock))
        }
    }

    /// A database on its own SQLite file, shut down (before its files are deleted) after `body`,
    /// whatever it throws.
    static func database(_ name: String, _ body: (StudioDatabase) async throws -> Void) async throws {
        var logger = Logger(label: "test")
        logger.logLevel = .error
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID()).sqlite").path
        defer { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + s) } }
        let database = try await StudioDatabase.open(.sqlite(path: path), logger: logger)
        do {
            try await body(database)
        } catch {
            await database.shutdown()
            throw error
        }
        await database.shutdown()
    }
}
