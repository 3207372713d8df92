import Foundation
import Logging
import UnknotCore
import UnknotStudio

/// Credentials for the demo stations `unknot serve` runs beside the studio, one per station in
/// service (those issued before are revoked): the studio's database is opened for the moment it
/// takes. The stations then link to the studio like any other.
public func demoStationCredentials(_ arguments: some AppArguments) async throws -> [Int: String] {
    var logger = Logger(label: "unknot")
    logger.logLevel = arguments.logLevel
    let database = try await StudioDatabase.open(arguments.storage, logger: logger)
    do {
        let studio = Studio(
            database: database, settings: arguments.settings, catalog: try ProgramCatalog.bundled(),
            clock: arguments.clock)
        let tokens = try await studio.issueDemoStationCredentials()
        await database.shutdown()
        return tokens
    } catch {
        await database.shutdown()
        throw error
    }
}
