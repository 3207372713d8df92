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
