import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Testing
import UnknotCore
import UnknotServer
import UnknotStudio

/// A studio for one test: a new database of the given kind with an admin, a member of staff,
/// two clients and two stations, the app built from it by `buildApplication` with test
/// arguments, and a clock the test sets (Monday 2026-11-23 08:00, studio time UTC).
struct TestStudio: Sendable {
    static let password = "correct horse battery"
    /// Monday 2026-11-23 08:00 UTC.
    static let monday = Date(timeIntervalSince1970: 1_795_420_800)

    /// Quiet: only warnings and errors.
    static var logger: Logger {
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        return logger
    }

    let storage: StudioStorage
    let clock: SettableClock
    let settings: StudioSettings

    var arguments: ServeArguments {
        ServeArguments(
            hostname: "127.0.0.1", port: 0, storage: storage, demo: false, logLevel: .warning, settings: settings,
            clock: clock)
    }

    /// Runs `body` against a new studio on `store`, then removes the database.
    static func run<T: Sendable>(
        _ store: TestStore, _ setup: TestingSetup = .router, configure: (inout StudioSettings) -> Void = { _ in },
        _ body: @Sendable (TestStudio, any TestClientProtocol) async throws -> T
    ) async throws -> T {
        let (storage, remove) = try await store.make()
        let clock = SettableClock(monday)
        var settings = StudioSettings(timeZone: TimeZone(identifier: "UTC") ?? .current, passwordCost: 4)
        settings.address = "Unknot test studio"
        configure(&settings)
        let studio = TestStudio(storage: storage, clock: clock, settings: settings)
        do {
            try await studio.seed()
            let app = try await buildApplication(studio.arguments)
            let result = try await app.test(setup) { client in try await body(studio, client) }
            await remove()
            return result
        } catch {
            await remove()
            throw error
        }
    }

    /// The accounts and stations every test starts with.
    func seed() async throws {
        let database = try await StudioDatabase.open(storage, logger: TestStudio.logger)
        do {
            let studio = Studio(
                database: database, settings: settings, catalog: try ProgramCatalog.bundled(), clock: clock)
            try await studio.prepareCatalog()
            let admin = try await studio.createAccount(
                email: "admin@test.example", name: "Ada Admin", password: Self.password, role: .admin)
            _ = try await studio.createAccount(
                email: "staff@test.example", name: "Sam Staff", password: Self.password, role: .staff)
            _ = try await studio.createAccount(email: "cleo@test.example", name: "Cleo Client", password: Self.password)
            _ = try await studio.createAccount(email: "dan@test.example", name: "Dan Client", password: Self.password)
            let caller = Caller(accountID: admin.id, role: .admin, name: admin.name)
            _ = try await studio.createStation(caller, StationChange(name: "Table 1"))
            _ = try await studio.createStation(caller, StationChange(name: "Table 2"))
        } catch {
            await database.shutdown()
            throw error
        }
        await database.shutdown()
    }
}

/// A response, read.
struct Reply: Sendable {
    var status: HTTPResponse.Status
    var headers: HTTPFields
    var data: Data

    var text: String { String(decoding: data, as: UTF8.self) }
    var object: [String: Any] { ((try? JSONSerialization.jsonObject(with: data)) as? [String: Any]) ?? [:] }
    var array: [[String: Any]] { ((try? JSONSerialization.jsonObject(with: data)) as? [[String: Any]]) ?? [] }
    func string(_ key: String) -> String? { object[key] as? String }
    func int(_ key: String) -> Int? { object[key] as? Int }
    /// The problem's detail, for failure messages.
    var detail: String { string("detail") ?? text }
}

extension TestClientProtocol {
    /// Sends JSON (an object, an array or nothing) with an optional bearer token.
    func call(
        _ method: HTTPRequest.Method, _ uri: String, token: String? = nil, json: Any? = nil,
        headers extra: HTTPFields = [:]
    ) async throws -> Reply {
        var headers = extra
        if let token { headers[.authorization] = "Bearer \(token)" }
        var body: ByteBuffer?
        if let json {
            headers[.contentType] = "application/json"
            body = ByteBuffer(data: try JSONSerialization.data(withJSONObject: json))
        }
        let response = try await executeRequest(uri: uri, method: method, headers: headers, body: body)
        return Reply(status: response.status, headers: response.headers, data: Data(buffer: response.body))
    }

    /// Signs in and returns the token.
    func signIn(_ email: String, password: String = TestStudio.password) async throws -> String {
        let reply = try await call(.post, "/api/auth/login", json: ["email": email, "password": password])
        #expect(reply.status == .ok, "sign-in of \(email): \(reply.detail)")
        return reply.string("token") ?? ""
    }

    /// Tokens of the seeded accounts.
    func tokens() async throws -> (admin: String, staff: String, cleo: String, dan: String) {
        (
            try await signIn("admin@test.example"), try await signIn("staff@test.example"),
            try await signIn("cleo@test.example"), try await signIn("dan@test.example")
        )
    }

    /// Books for a client and returns the reply.
    func book(
        _ token: String, program: String = "total-back", minutes: Int = 30, start: String, station: Int? = nil,
        code: String? = nil
    ) async throws -> Reply {
        var body: [String: Any] = ["program": program, "minutes": minutes, "start": start]
        if let station { body["stationId"] = station }
        if let code { body["code"] = code }
        return try await call(.post, "/api/bookings", token: token, json: body)
    }
}

extension Reply {
    /// Whether the reply is a problem+json naming `field` (when given) with `status`.
    func isProblem(_ status: HTTPResponse.Status, field: String? = nil) -> Bool {
        self.status == status && headers[.contentType] == "application/problem+json"
            && (field == nil || string("field") == field) && self.int("status") == status.code
    }
}
