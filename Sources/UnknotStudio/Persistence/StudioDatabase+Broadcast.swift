import FluentKit
import FluentPostgresDriver
import Foundation
import SQLKit

extension StudioDatabase {
    /// Whether several studio instances may share this database (PostgreSQL), so that what one
    /// instance learns (a staff order, a station's state) must reach the others.
    public var isShared: Bool {
        if case .postgres = storage { return true }
        return false
    }

    /// Sends `payload` (at most 7,900 bytes) to every studio instance listening on `channel`, this
    /// one included: PostgreSQL's `NOTIFY`. Returns `false` on SQLite (one instance: nothing to
    /// tell) or when it could not be sent.
    @discardableResult
    public func publish(_ channel: String, _ payload: String) async -> Bool {
        guard isShared, payload.utf8.count <= 7_900, let sql = try? db as? any SQLDatabase else { return false }
        do {
            try await sql.raw("SELECT pg_notify(\(bind: channel), \(bind: payload))").run()
            return true
        } catch {
            logger.warning("could not tell the other studio instances", metadata: ["error": "\(error)"])
            return false
        }
    }

    /// Calls `receive` with every payload sent on `channel` until the task is cancelled, on a
    /// connection of its own (PostgreSQL's `LISTEN`; connecting again after a failure). Returns at
    /// once on SQLite.
    public func listen(_ channel: String, _ receive: @escaping @Sendable (String) async -> Void) async {
        guard case .postgres(let url) = storage, let configuration = try? SQLPostgresConfiguration(url: url) else {
            return
        }
        var wait = Duration.milliseconds(250)
        while !Task.isCancelled {
            do {
                let connection = try await PostgresConnection.connect(
                    on: databases.eventLoopGroup.any(), configuration: configuration.coreConfiguration,
                    id: Int.random(in: 1...Int(Int32.max)), logger: logger
                ).get()
                wait = .milliseconds(250)
                do {
                    try await withTaskCancellationHandler {
                        for try await notification in try await connection.listen(channel) {
                            await receive(notification.payload)
                        }
                    } onCancel: {
                        connection.close().whenComplete { _ in }
                    }
                } catch {}
                try? await connection.close().get()
            } catch {
                logger.warning("cannot listen to the other studio instances", metadata: ["error": "\(error)"])
            }
            try? await Task.sleep(for: wait)
            wait = min(wait * 2, .seconds(5))
        }
    }
}
