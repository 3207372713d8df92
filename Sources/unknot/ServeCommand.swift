import ArgumentParser
import Foundation
import Logging
import UnknotCore
import UnknotDemoStations
import UnknotServer
import UnknotStudio

/// `unknot serve`: the studio server (JSON API, pages to come) over SQLite or PostgreSQL.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the studio: web pages, the live console on simulated stations, and the JSON API.",
        discussion: """
            With no options it listens on 127.0.0.1:8080 and keeps its data in unknot.sqlite; on an empty
            database it sets up a demo studio and prints the demo accounts' passwords once. Give
            --database-url (or DATABASE_URL) to run on PostgreSQL, so several servers can share one database.
            """
    )

    @Option(name: .long, help: "The address to listen on.")
    var hostname = "127.0.0.1"

    @Option(name: .long, help: "The port to listen on.")
    var port = 8080

    @Option(name: .long, help: "The SQLite file (created if missing).")
    var database = "unknot.sqlite"

    @Option(
        name: .customLong("database-url"),
        help: "A PostgreSQL database, postgres://user:password@host:5432/name (default: $DATABASE_URL).")
    var databaseURL: String?

    @Flag(name: .customLong("no-demo"), help: "Do not set up a demo studio on an empty database.")
    var noDemo = false

    @Flag(name: .long, help: "Mark the session cookie Secure (when clients reach the server over HTTPS).")
    var secureCookies = false

    @Option(name: .long, help: "The studio's time zone, e.g. Europe/Paris (default: the system's).")
    var timeZone: String?

    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel = "info"

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Start the studio's clock at this instant (e.g. 2026-11-23T08:00:00Z); it then runs at normal speed.",
            discussion: "For demos and browser tests: the studio is open whatever the hour the server starts."))
    var clock: String?

    @Option(name: .customLong("notice-minutes"), help: "The least notice a client may book with, in minutes.")
    var noticeMinutes = 60

    @Option(
        name: .customLong("accounts-per-network"),
        help: ArgumentHelp(
            "Accounts (and password resets) one network address may ask for in 15 minutes.",
            discussion:
                "A studio whose clients sign up on its own Wi-Fi, behind one address, may need more than the 10 of the default."
        ))
    var accountsPerNetwork = 10

    @Option(
        name: .customLong("station-speed"),
        help: ArgumentHelp(
            "How fast the stations' time runs, e.g. 60x (demos and checks only; 1x in service).",
            discussion:
                "A console-driven session can then be checked end to end in seconds. The studio's clock is not changed."
        ))
    var stationSpeed = "1x"

    @Flag(
        name: .customLong("no-demo-stations"),
        help: "Run no simulated stations beside the studio (real stations, or another instance's, link to it).")
    var noDemoStations = false

    @Option(
        name: .customLong("stations-directory"),
        help:
            "Where the simulated stations keep their records until the studio holds them (default: unknot-stations beside the SQLite file)."
    )
    var stationsDirectory: String?

    @Option(
        name: .customLong("smtp-url"),
        help: ArgumentHelp(
            "The mail server for the studio's e-mail: smtp://host:25, smtp+starttls://user:password@host:587 or smtps://user:password@host:465 (default: $UNKNOT_SMTP_URL).",
            discussion: "Without one the e-mail is written as .eml files to --mail-folder."))
    var smtpURL: String?

    @Option(
        name: .customLong("mail-folder"),
        help: "Where e-mail is written when there is no --smtp-url (default: unknot-mail beside the SQLite file).")
    var mailFolder: String?

    @Option(
        name: .customLong("mail-from"), help: "The address the studio's e-mail comes from.")
    var mailFrom = "studio@unknot.invalid"

    @Option(
        name: .customLong("public-url"),
        help: ArgumentHelp(
            "Where clients reach the studio, e.g. https://studio.example: the links in its e-mail start with it.",
            discussion: "Default: http://HOSTNAME:PORT of this server."))
    var publicURL: String?

    @OptionGroup(title: "The studio") var studio: StudioOptions

    @Option(
        name: .customLong("metrics-token"),
        help: ArgumentHelp(
            "The bearer token a metrics scraper sends for GET /metrics (UNKNOT_METRICS_TOKEN otherwise).",
            discussion: "Without one only admins signed in can read the metrics; at least 32 characters."))
    var metricsToken: String?

    /// `60x` or `60` as a speed-up from 1 to 600, or `nil`.
    static func speedUp(_ text: String) -> Int? {
        let digits = text.hasSuffix("x") ? String(text.dropLast()) : text
        guard let value = Int(digits), (1...600).contains(value) else { return nil }
        return value
    }

    func run() async throws {
        guard let level = Logger.Level(rawValue: logLevel) else {
            throw CommandError(
                "--log-level \(logLevel) is not a level; use trace, debug, info, notice, warning or error")
        }
        var settings = StudioSettings()
        settings.secureCookies = secureCookies
        if let timeZone {
            guard let zone = TimeZone(identifier: timeZone) else {
                throw CommandError(
                    "--time-zone \(timeZone) is not a time zone; use a name like Europe/Paris or America/New_York")
            }
            settings.timeZone = zone
        }
        guard (0...1_440).contains(noticeMinutes) else {
            throw CommandError("--notice-minutes \(noticeMinutes) is not 0 to 1440 (a day)")
        }
        settings.rules.minimumNotice = noticeMinutes
        guard (1...10_000).contains(accountsPerNetwork) else {
            throw CommandError("--accounts-per-network \(accountsPerNetwork) is not 1 to 10000")
        }
        settings.accountsPerNetwork = accountsPerNetwork
        var studioClock: any StudioClock = SystemClock()
        if let clock {
            guard let start = ISO8601DateFormatter().date(from: clock) else {
                throw CommandError("--clock \(clock) is not an instant; write it like 2026-11-23T08:00:00Z")
            }
            studioClock = RunningClock(from: start)
        }
        guard (1...65_535).contains(port) else { throw CommandError("--port \(port) is not 1 to 65535") }
        guard let speedUp = Self.speedUp(stationSpeed) else {
            throw CommandError("--station-speed \(stationSpeed) is not a speed; write 1x to 600x, e.g. 60x")
        }
        let url = databaseURL ?? ProcessInfo.processInfo.environment["DATABASE_URL"]
        let storage: StudioStorage =
            if let url, !url.isEmpty { .postgres(url: url) } else { .sqlite(path: database) }
        let scraperToken = metricsToken ?? ProcessInfo.processInfo.environment["UNKNOT_METRICS_TOKEN"]
        if let scraperToken, scraperToken.count < 32 {
            throw CommandError(
                "--metrics-token is \(scraperToken.count) characters; give at least 32 (e.g. openssl rand -hex 32)")
        }
        let mail = try mailSetUp(&settings)
        let arguments = ServeArguments(
            hostname: hostname, port: port, storage: storage, demo: !noDemo, logLevel: level, settings: settings,
            clock: studioClock, metricsToken: scraperToken, mailTransport: mail)
        let pace: StationPace = speedUp == 1 ? .realTime : .realTime(speedUp: speedUp)
        let (built, signalBuilt) = AsyncStream.makeStream(of: Void.self)
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    try await runServer(arguments) {
                        let line =
                            "Unknot studio on http://\(hostname):\(port) (\(storage)): open it in a browser; the API contract is at /openapi.yaml\n"
                        FileHandle.standardOutput.write(Data(line.utf8))
                        signalBuilt.yield()
                    }
                }
                if !noDemoStations {
                    group.addTask {
                        // Once the studio is built (its demo set up), its simulated stations link to it.
                        for await _ in built { break }
                        try await runDemoStations(arguments, pace: pace, level: level)
                    }
                }
                try await group.next()
                group.cancelAll()
            }
        } catch let error as StudioError {
            throw CommandError(error.description)
        }
    }

    /// The mail transport `--smtp-url` or `--mail-folder` names, with the sender and the public URL
    /// set in `settings`; every wrong option is named.
    func mailSetUp(_ settings: inout StudioSettings) throws -> any MailTransport {
        var problems: [String] = []
        studio.apply(to: &settings, problems: &problems)
        do {
            _ = try MailAddress(mailFrom)
            settings.mailFrom = mailFrom
        } catch {
            problems.append("--mail-from \(mailFrom) is not an e-mail address; write it like studio@example.com")
        }
        let host = ["0.0.0.0", "::", ""].contains(hostname) ? "127.0.0.1" : hostname
        let url = publicURL ?? "http://\(host.contains(":") ? "[\(host)]" : host):\(port)"
        if let parts = URLComponents(string: url), ["http", "https"].contains(parts.scheme ?? ""), parts.host != nil,
            parts.query == nil, parts.path.isEmpty || parts.path == "/"
        {
            settings.publicURL = url.hasSuffix("/") ? String(url.dropLast()) : url
        } else {
            problems.append("--public-url \(url) is not a site's address; write it like https://studio.example")
        }
        var transport: (any MailTransport)?
        if let smtp = smtpURL ?? ProcessInfo.processInfo.environment["UNKNOT_SMTP_URL"], !smtp.isEmpty {
            do { transport = try SMTPTransport(url: smtp) } catch { problems.append(error.description) }
        }
        guard problems.isEmpty else { throw CommandError(problems.joined(separator: "\n")) }
        return transport
            ?? MailFolder(
                folder: mailFolder.map { URL(fileURLWithPath: $0) }
                    ?? URL(fileURLWithPath: database).deletingLastPathComponent().appendingPathComponent("unknot-mail"))
    }

    /// The studio's simulated stations, each linked to the studio over the studio link on
    /// loopback like a station on its own machine, until cancelled.
    func runDemoStations(_ arguments: ServeArguments, pace: StationPace, level: Logger.Level) async throws {
        let tokens = try await demoStationCredentials(arguments)
        var logger = Logger(label: "unknot.demo-stations")
        logger.logLevel = level
        let host = ["0.0.0.0", "::", ""].contains(hostname) ? "127.0.0.1" : hostname
        let stations = try DemoStations(
            credentials: tokens, studio: "http://\(host.contains(":") ? "[\(host)]" : host):\(port)",
            directory: stationsDirectory.map { URL(fileURLWithPath: $0) }
                ?? URL(fileURLWithPath: database).deletingLastPathComponent().appendingPathComponent("unknot-stations"),
            pace: pace, catalog: try ProgramCatalog.bundled(),
            logger: logger)
        logger.info("demo stations linking to the studio", metadata: ["stations": "\(tokens.keys.sorted())"])
        await stations.run()
    }
}
