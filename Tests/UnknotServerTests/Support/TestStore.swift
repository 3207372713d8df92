import FluentKit
import FluentPostgresDriver
import Foundation
import Logging
import NIOPosix
import SQLKit
import Testing
import UnknotStudio

/// The databases the API tests run on: an SQLite file always, and a real PostgreSQL server when
/// `UNKNOT_TEST_POSTGRES_URL` names one (scripts/test starts one and sets it; with
/// `UNKNOT_REQUIRE_POSTGRES=1` its absence fails the run instead of skipping).
enum TestStore: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite, postgres

    var testDescription: String { rawValue }

    static var adminURL: String? {
        let url = ProcessInfo.processInfo.environment["UNKNOT_TEST_POSTGRES_URL"]
        return url?.isEmpty == false ? url : nil
    }

    static var available: [TestStore] { adminURL == nil ? [.sqlite] : [.sqlite, .postgres] }

    /// A new, empty database of this kind, and how to remove it.
    func make() async throws -> (storage: StudioStorage, remove: @Sendable () async -> Void) {
        let name = "unknot_test_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16))"
        switch self {
        case .sqlite:
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(name).sqlite").path
            return (
                .sqlite(path: path),
                {
                    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
                }
            )
        case .postgres:
            guard let admin = Self.adminURL, let slash = admin.lastIndex(of: "/") else {
                throw TestStoreError.noPostgres
            }
            try await Self.run(admin, "CREATE DATABASE \(name)")
            let url = String(admin[..<slash]) + "/" + name
            return (.postgres(url: url), { try? await Self.run(admin, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)") })
        }
    }

    private static func run(_ url: String, _ statement: String) async throws {
        let databases = Databases(threadPool: NIOThreadPool.singleton, on: MultiThreadedEventLoopGroup.singleton)
        databases.use(try .postgres(url: url), as: .psql)
        do {
            guard
                let sql = databases.database(logger: Logger(label: "test"), on: databases.eventLoopGroup.any())
                    as? any SQLDatabase
            else { throw TestStoreError.noPostgres }
            try await sql.raw(SQLQueryString(stringLiteral: statement)).run()
        } catch {
            await databases.shutdownAsync()
            throw error
        }
        await databases.shutdownAsync()
    }
}

enum TestStoreError: Error, CustomStringConvertible {
    case noPostgres

    var description: String { "UNKNOT_TEST_POSTGRES_URL is not set; run scripts/test, which starts PostgreSQL" }
}

@Suite("Test databases")
struct TestStoreTests {
    @Test("PostgreSQL is there when the run requires it (scripts/test)")
    func postgresWhenRequired() {
        if ProcessInfo.processInfo.environment["UNKNOT_REQUIRE_POSTGRES"] == "1" {
            #expect(TestStore.adminURL != nil, "scripts/test must start PostgreSQL and set UNKNOT_TEST_POSTGRES_URL")
        }
    }
}
