import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Testing
import UnknotCore
import UnknotDemoStations
import UnknotServer
import UnknotStudio

/// A studio for one test: a new database of the given kind with an admin, a member of staff,
/// two clients and two stations, the app built from it by `buildApplication` with test
/// arguments, and a clock the test sets (Monday 2026-11-23 08:00, studio time UTC).
struct TestStudio: Sendable {
    static let password = "correct horse battery"
    /// Monday 2026-11-23 08:00 UTC.
    static let monday = Date(timeIntervalSince1970: 1_795_420_800)
    static let testHasher = PasswordHasher(threads: 2, capacity: 10_000)

    /// The studio day `days` after `monday`, as the API writes it (`YYYY-MM-DD`): tests ask
    /// for days relative to their clock, never for a day on the calendar that will pass.
    static func day(after days: Int) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let date = monday.addingTimeInterval(Double(days) * 86_400)
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    /// Quiet: only warnings and errors.
    static var logger: Logger {
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        return logger
    }

    let storage: StudioStorage
    let clock: SettableClock
    let settings: StudioSettings
    /// The demo stations' time: it passes only when the test advances it.
    let pace: StationPace
    /// How slow a client may be (the studio's own unless a test shortens them).
    var connections = ConnectionLimits()
    /// Where the studio's e-mail goes.
    let mailbox = TestMailbox()

    var arguments: ServeArguments {
        ServeArguments(
            hostname: "127.0.0.1", port: 0, storage: storage, demo: false, logLevel: .warning, settings: settings,
            clock: clock,
            // The tests close their consoles themselves; a loaded test machine must not miss a
            // ping and lose one it did not mean to.
            consolePing: .seconds(60),
            // Bookings left in progress are settled at once when the test moves its clock.
            reconcileEvery: .milliseconds(100), metricsToken: Self.metricsToken, connectionLimits: connections,
            mailTransport: mailbox, remindersEvery: nil)
    }

    /// The day's questions answered "no" (a demo's form asks them before it starts).
    static let allWell: [(String, String)] = [
        ("fever", "no"), ("acuteInfection", "no"), ("painMedication", "no"), ("muscleRelaxants", "no"),
    ]

    /// The token the tests' metrics scraper presents.
    static let metricsToken = "scraper-0123456789abcdef0123456789abcdef"

    /// Runs `body` against a new studio on `store`, then removes the database.
    static func run<T: Sendable>(
        _ store: TestStore, _ setup: TestingSetup = .router, stationSpeed: Int = 1, demoStations: Bool = true,
        connections: ConnectionLimits = ConnectionLimits(), configure: (inout StudioSettings) -> Void = { _ in },
        _ body: @Sendable (TestStudio, any TestClientProtocol) async throws -> T
    ) async throws -> T {
        guard store == .postgres else {
            return try await runOpen(store, setup, stationSpeed, demoStations, connections, configure, body)
        }
        await PostgresGate.shared.enter()
        do {
            let result = try await runOpen(store, setup, stationSpeed, demoStations, connections, configure, body)
            await PostgresGate.shared.leave()
            return result
        } catch {
            await PostgresGate.shared.leave()
            throw error
        }
    }

    private static func runOpen<T: Sendable>(
        _ store: TestStore, _ setup: TestingSetup, _ stationSpeed: Int, _ demoStations: Bool,
        _ connections: ConnectionLimits, _ configure: (inout StudioSettings) -> Void,
        _ body: @Sendable (TestStudio, any TestClientProtocol) async throws -> T
    ) async throws -> T {
        let (storage, remove) = try await store.make()
        let clock = SettableClock(monday)
        var settings = StudioSettings(timeZone: TimeZone(identifier: "UTC") ?? .current, passwordCost: 4)
        // The tests run in parallel in one process: their sign-ins share a hasher that admits
        // them all (the studio's own admits 16; SignInFloodTests bring small ones).
        settings.passwordHasher = testHasher
        settings.address = "Unknot test studio"
        configure(&settings)
        let studio = TestStudio(
            storage: storage, clock: clock, settings: settings, pace: .manual(speedUp: stationSpeed),
            connections: connections)
        do {
            try await studio.seed()
            let app = try await buildApplication(studio.arguments)
            let result = try await app.test(setup) { client in
                // On a live server, the studio's demo stations link to it as `unknot serve`'s do.
                guard demoStations, let port = client.port else { return try await body(studio, client) }
                return try await studio.withDemoStations(port: port) { try await body(studio, client) }
            }
            await remove()
            return result
        } catch {
            await remove()
            throw error
        }
    }

    /// Runs `body` with the studio's demo stations linked to the server on `port` (their time
    /// passes by ``pace``); their records go to a folder removed afterwards.
    func withDemoStations<T: Sendable>(port: Int, _ body: () async throws -> T) async throws -> T {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("unknot-test-stations-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        let stations = try DemoStations(
            credentials: try await demoStationCredentials(arguments), studio: "http://127.0.0.1:\(port)",
            directory: directory, pace: pace, catalog: try ProgramCatalog.bundled(), logger: Self.logger)
        let running = Task { await stations.run() }
        defer { running.cancel() }
        // Every station linked before the test begins (a bound, not a timing check).
        let deadline = ContinuousClock.now + .seconds(30)
        for station in stations.stations {
            while ContinuousClock.now < deadline {
                if case .connected? = await station.runtime.linkState { break }
                try await Task.sleep(for: .milliseconds(5))
            }
        }
        let result = try await body()
        running.cancel()
        await running.value
        return result
    }

    /// Another `Studio` on this test's database and clock (a second server, or the studio's own
    /// work a test runs by hand, like reminders); the caller shuts its database down.
    static func openStudio(_ studio: TestStudio) async throws -> Studio {
        let database = try await StudioDatabase.open(studio.storage, logger: TestStudio.logger)
        return Studio(
            database: database, settings: studio.settings, catalog: try ProgramCatalog.bundled(), clock: studio.clock)
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
            _ = try await studio.createStation(caller, StationChange(name: "Station 1"))
            _ = try await studio.createStation(caller, StationChange(name: "Station 2"))
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

    /// Signs up as a new client the way a person does: the form, the link in the e-mail the
    /// studio sends, the confirmation. Returns the confirmation's reply (the session's token).
    func signUp(
        _ email: String, name: String = "New Client", password: String = TestStudio.password, in studio: TestStudio
    ) async throws -> Reply {
        let asked = try await call(.post, "/api/accounts", json: ["email": email, "name": name, "password": password])
        #expect(asked.status == .accepted, "sign-up of \(email): \(asked.detail)")
        let mail = try #require(
            await studio.mailbox.next(to: email.trimmingCharacters(in: .whitespaces).lowercased()),
            "no sign-up mail to \(email)")
        let token = try #require(mail.token, "no link in the mail to \(email): \(mail.message)")
        return try await call(.post, "/api/accounts/confirm", json: ["token": token])
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

    /// Adds the blog's code as the demo studio has it: $10 off a first session of 30 minutes and up.
    func addBlogCode(admin token: String) async throws {
        let blog: [String: Any] = [
            "code": "BLOG", "amountOffCents": 1000, "minimumMinutes": 30, "firstSessionOnly": true,
            "oncePerClient": true,
        ]
        let reply = try await call(.post, "/api/promo-codes", token: token, json: blog)
        #expect(reply.status == .created, "\(reply.detail)")
    }

    /// Answers the day's health questions for a booking (every answer "no" unless given), as its
    /// client or as staff asking the client; a session starts only once they are answered.
    @discardableResult
    func answerToday(_ booking: String, token: String, _ answers: [String: Bool] = [:]) async throws -> Reply {
        var body: [String: Any] = [
            "fever": false, "acuteInfection": false, "painMedication": false, "muscleRelaxants": false,
        ]
        for (field, answer) in answers { body[field] = answer }
        let reply = try await call(.put, "/api/bookings/\(booking)/today", token: token, json: body)
        #expect(reply.status == .ok, "the day's answers for \(booking): \(reply.detail)")
        return reply
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

extension TestClientProtocol {
    /// Sends an HTML form (`application/x-www-form-urlencoded`) signed in with the pages' cookie.
    func form(
        _ uri: String, method: HTTPRequest.Method = .post, token: String?, _ fields: [(String, String)] = [],
        headers extra: HTTPFields = [:]
    ) async throws -> Reply {
        var headers = extra
        headers[.contentType] = "application/x-www-form-urlencoded"
        if let token { headers[.cookie] = "unknot_session=\(token)" }
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_.~"))
        let body = fields.map { name, value in
            "\(name.addingPercentEncoding(withAllowedCharacters: allowed) ?? name)=\(value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value)"
        }.joined(separator: "&")
        let response = try await executeRequest(
            uri: uri, method: method, headers: headers, body: method == .get ? nil : ByteBuffer(string: body))
        return Reply(status: response.status, headers: response.headers, data: Data(buffer: response.body))
    }

    /// Opens a page signed in with the pages' cookie.
    func page(_ uri: String, token: String?) async throws -> Reply {
        var headers: HTTPFields = [:]
        if let token { headers[.cookie] = "unknot_session=\(token)" }
        let response = try await executeRequest(uri: uri, method: .get, headers: headers, body: nil)
        return Reply(status: response.status, headers: response.headers, data: Data(buffer: response.body))
    }
}

extension Reply {
    /// Where a redirect sends the browser.
    var location: String? { headers[.location] }

    /// Whether the reply is a problem+json naming `field` (when given) with `status`.
    func isProblem(_ status: HTTPResponse.Status, field: String? = nil) -> Bool {
        self.status == status && headers[.contentType] == "application/problem+json"
            && (field == nil || string("field") == field) && self.int("status") == status.code
    }
}
