import Foundation
import Logging
import UnknotCore
import UnknotStudio

/// A studio on its own SQLite file in the temporary folder, for the property tests: opened with
/// the settings and clock a test gives, shut down and deleted after `body`, whatever it throws.
enum StudioOnDisk {
    static func run(
        _ name: String, settings: StudioSettings = .forTests, clock: SettableClock,
        _ body: (Studio) async throws -> Void
    ) async throws {
        var logger = Logger(label: "test")
        logger.logLevel = .error
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID()).sqlite").path
        defer { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + s) } }
        let database = try await StudioDatabase.open(.sqlite(path: path), logger: logger)
        let studio = Studio(database: database, settings: settings, catalog: try ProgramCatalog.bundled(), clock: clock)
        do {
            try await body(studio)
        } catch {
            await database.shutdown()
            throw error
        }
        await database.shutdown()
    }
}
