import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `unknot serve` as its own process on a port of loopback, for tests that kill and restart it;
/// with a small HTTP client for its API and pages.
final class StudioProcess {
    let process = Process()
    let port: Int
    let output = Pipe()
    /// The demo accounts' passwords, printed once when the database was empty.
    private(set) var passwords: [String: String] = [:]

    init(port: Int, database: String, extra: [String] = []) throws {
        self.port = port
        process.executableURL = CommandLineTests.binary
        process.arguments =
            [
                "serve", "--port", "\(port)", "--database", database, "--clock", "2026-11-23T08:50:00Z",
                "--notice-minutes", "0", "--time-zone", "UTC", "--log-level", "warning",
            ] + extra
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let pid = process.processIdentifier
        DispatchQueue.global().asyncAfter(deadline: .now() + 300) { kill(pid, SIGKILL) }
        // Its first lines: the demo accounts (on an empty database), then that it is built.
        var line = Data()
        while let byte = try? output.fileHandleForReading.read(upToCount: 1), !byte.isEmpty {
            guard byte[byte.startIndex] == 0x0A else {
                line.append(byte)
                continue
            }
            let text = String(decoding: line, as: UTF8.self)
            line.removeAll()
            let words = text.split(separator: " ")
            if words.count == 3, words[1].hasSuffix("@unknot.local") { passwords[String(words[1])] = String(words[2]) }
            if text.hasPrefix("Unknot studio on") { break }
        }
    }

    var url: String { "http://127.0.0.1:\(port)" }

    /// A new empty folder for one process test (its studio's database, its station's records).
    static func temporaryFolder(_ prefix: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// What every test of a station linked to its studio starts from: a studio without demo
    /// stations (its database in `folder`) answering on `port`, and a credential for station 1
    /// issued by the admin.
    static func withStationCredential(
        in folder: URL, port: Int = 20_000 + Int.random(in: 0..<20_000)
    ) async throws -> (studio: StudioProcess, admin: String, token: String) {
        let studio = try StudioProcess(
            port: port, database: folder.appendingPathComponent("studio.sqlite").path, extra: ["--no-demo-stations"])
        guard try await studio.waitUntilHealthy() else {
            studio.stop()
            throw Failure("the studio on port \(port) never answered /health")
        }
        let admin = try await studio.signIn("admin@unknot.local")
        let issued = try await studio.call("POST", "/api/stations/1/credentials", token: admin, json: ["label": "test"])
        guard let token = issued.json["token"] as? String else {
            studio.stop()
            throw Failure("no station credential: \(String(decoding: issued.data, as: UTF8.self))")
        }
        return (studio, admin, token)
    }

    /// Waits (a bound, not a timing check) until the studio answers `/health`.
    func waitUntilHealthy() async throws -> Bool {
        for _ in 0..<1_200 {
            if (try? await call("GET", "/health"))?.status == 200 { return true }
            try await Task.sleep(for: .milliseconds(50))
        }
        return false
    }

    struct Reply {
        var status: Int
        var data: Data
        var location: String?
        var json: [String: Any] { ((try? JSONSerialization.jsonObject(with: data)) as? [String: Any]) ?? [:] }
    }

    /// One request: JSON with a bearer token, or a form with the pages' cookie. Redirects are not
    /// followed.
    func call(
        _ method: String, _ path: String, token: String? = nil, json: [String: Any]? = nil, cookie: String? = nil
    ) async throws -> Reply {
        var request = URLRequest(url: URL(string: url + path)!)
        request.httpMethod = method
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let cookie {
            request.setValue("unknot_session=\(cookie)", forHTTPHeaderField: "Cookie")
            request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
            request.httpBody = Data()
        }
        if let json {
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = try JSONSerialization.data(withJSONObject: json)
        }
        let (data, response) = try await URLSession(
            configuration: .ephemeral, delegate: NoRedirects(), delegateQueue: nil
        )
        .data(for: request)
        let http = response as? HTTPURLResponse
        return Reply(
            status: http?.statusCode ?? 0, data: data, location: http?.value(forHTTPHeaderField: "Location"))
    }

    func signIn(_ email: String) async throws -> String {
        let reply = try await call(
            "POST", "/api/auth/login", json: ["email": email, "password": passwords[email] ?? ""])
        return reply.json["token"] as? String ?? ""
    }

    /// A booking of *Total back* for 30 minutes on `station` at 09:00 of the studio's day (its
    /// clock is set to 08:50), started from the booking's page as the client would once the station
    /// has linked (until then the studio says it is not connected): the booking's and the
    /// session's ids.
    func bookAndStart(client: String, station: Int) async throws -> (booking: String, session: String) {
        let booked = try await call(
            "POST", "/api/bookings", token: client,
            json: ["program": "total-back", "minutes": 30, "start": "2026-11-23T09:00", "stationId": station])
        guard let booking = booked.json["id"] as? String else {
            throw Failure("the booking was refused: \(String(decoding: booked.data, as: UTF8.self))")
        }
        // The day's health questions, as the client answers them before a session.
        let today: [String: Any] = [
            "fever": false, "acuteInfection": false, "painMedication": false, "muscleRelaxants": false,
        ]
        let answered = try await call("PUT", "/api/bookings/\(booking)/today", token: client, json: today)
        guard answered.status == 200 else {
            throw Failure("the day's answers were refused: \(String(decoding: answered.data, as: UTF8.self))")
        }
        var started: Reply?
        for _ in 0..<200 {
            started = try await call("POST", "/bookings/\(booking)/start", cookie: client)
            if let location = started?.location, location.hasPrefix("/console/") {
                return (booking, String(location.dropFirst("/console/".count)))
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        let page = String(decoding: started?.data ?? Data(), as: UTF8.self)
        throw Failure(
            "the session never started: \(started?.status ?? 0) \(page.components(separatedBy: "<main").last?.prefix(600) ?? "")"
        )
    }

    /// ``bookAndStart(client:station:)`` on station 1, followed from the client's console until
    /// the arm works (a minute at most: a bound, not a timing check).
    func startWorking(
        client: String
    ) async throws -> (booking: String, session: String, console: StudioLinkCommandTests.Console) {
        let (booking, session) = try await bookAndStart(client: client, station: 1)
        let console = StudioLinkCommandTests.Console(studio: self, session: session, cookie: client)
        guard await console.eventually(within: 60, { console.lastState == "working" }) else {
            console.task.cancel()
            throw Failure(
                "the session on the arm never reached working: \(console.heard.states.withLock { $0 }.suffix(5))")
        }
        return (booking, session, console)
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// SIGKILL: the studio dies at once.
    func stop() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    final class NoRedirects: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
        func urlSession(
            _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
            newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
        ) { completionHandler(nil) }
    }
}
