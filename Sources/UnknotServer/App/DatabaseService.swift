import ServiceLifecycle
import UnknotStudio

/// Keeps the database open while the server runs and closes it on graceful shutdown.
struct DatabaseService: Service {
    let database: StudioDatabase

    func run() async throws {
        try? await gracefulShutdown()
        await database.shutdown()
    }
}

/// Removes the record inbox's folder on graceful shutdown, so no studio leaves its spools in the
/// temporary folder (one killed outright is swept by the next to start:
/// ``RecordInbox/sweepAbandoned(in:)``).
struct RecordInboxService: Service {
    let inbox: RecordInbox

    func run() async throws {
        try? await gracefulShutdown()
        await inbox.close()
    }
}
