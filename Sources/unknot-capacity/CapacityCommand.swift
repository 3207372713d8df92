import ArgumentParser
import Foundation
import Logging

/// `unknot-capacity`: loads one studio instance the way a large studio would (issue #15): many
/// stations linked at once, each reporting ten times a second (light replay stations speaking the
/// real studio link), and a client's console open on every station's session, pressing a control
/// every second. It measures what a client feels: how long a control takes from the console to
/// its station through the studio (p50/p99/max), and whether every console keeps getting its ten
/// updates a second. Run by `tools/capacity/run`, which starts the studio; figures in
/// `docs/benchmarks.md`.
@main
struct CapacityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unknot-capacity", abstract: "Load a studio with linked stations and open consoles; measure it.")

    @Option(help: "The studio: http://HOST:PORT.") var studio: String
    @Option(help: "The admin's password (the studio prints it when it sets a demo studio up).") var adminPassword:
        String
    @Option(help: "The demo client's password.") var clientPassword: String
    @Option(help: "How many stations to link.") var stations = 500
    @Option(help: "How many of the first stations to leave alone (a bench station uses them).") var skip = 0
    @Option(help: "How many of their sessions get a console.") var viewers = 500
    @Option(help: "How long to measure, seconds.") var seconds = 30
    @Option(help: "The studio day of the sessions (the studio's clock must be on it before 09:00).")
    var day = "2026-11-23"

    func run() async throws {
        var quiet = Logger(label: "capacity")
        quiet.logLevel = .error
        let logger = quiet
        let http = StudioHTTP(base: studio)
        let admin = try await http.signIn("admin@unknot.local", adminPassword)
        let client = try await http.signIn("client@unknot.local", clientPassword)
        say("creating \(stations) stations and their credentials…")
        let tokens = try await http.stationTokens(count: stations, skip: skip, admin: admin)
        let recorder = LatencyRecorder()
        let links = tokens.map {
            ReplayStation(studio: studio, station: $0.station, token: $0.token, recorder: recorder)
        }
        let linkTasks = links.map { link in Task { await link.run(logger: logger) } }
        defer { linkTasks.forEach { $0.cancel() } }
        let linked = await Self.waitFor(seconds: 120) { await Self.count(links) { await $0.isWelcomed } >= links.count }
        say(
            "stations linked: \(await Self.count(links) { await $0.isWelcomed }) of \(links.count)\(linked ? "" : " (gave up waiting)")"
        )

        say("booking and starting \(min(viewers, tokens.count)) sessions…")
        _ = try await http.call("PUT", "/api/me/care-plan", token: client, json: ["schemaVersion": 1])
        var sessions: [String] = []
        for station in tokens.prefix(viewers) {
            let booking = try await http.book(client, station: station.station, start: "\(day)T09:00")
            if let session = try await http.startFromPage(booking, cookie: client) { sessions.append(session) }
        }
        say("sessions running: \(sessions.count)")
        let viewerList = sessions.map { ConsoleViewer(studio: studio, session: $0, cookie: client, recorder: recorder) }
        let viewerTasks = viewerList.map { viewer in Task { await viewer.run(logger: logger) } }
        defer { viewerTasks.forEach { $0.cancel() } }
        _ = await Self.waitFor(seconds: 120) { await Self.count(viewerList) { await $0.isOpen } >= viewerList.count }
        say("consoles open: \(await Self.count(viewerList) { await $0.isOpen }) of \(viewerList.count)")

        // Measure: every console presses a control once a second, spread over the second.
        await recorder.reset()
        let started = ContinuousClock.now
        let pressing = viewerList.enumerated().map { index, viewer in
            Task {
                try? await Task.sleep(for: .milliseconds(1_000 * index / max(1, viewerList.count)))
                while ContinuousClock.now - started < .seconds(seconds) {
                    await viewer.press()
                    try? await Task.sleep(for: .seconds(1))
                }
            }
        }
        for task in pressing { await task.value }
        try? await Task.sleep(for: .seconds(1))
        let figures = await recorder.figures(seconds: Double(seconds), consoles: viewerList.count)
        print(figures)
        var drops = 0
        for link in links { drops += await link.drops }
        print("station links that closed and linked again during the run: \(drops)")
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let cpu =
            Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        print("load generator: \(String(format: "%.0f", cpu)) s of CPU time in all")
    }

    func say(_ text: String) { FileHandle.standardError.write(Data("capacity: \(text)\n".utf8)) }

    static func count<T: Sendable>(_ items: [T], where matches: (T) async -> Bool) async -> Int {
        var n = 0
        for item in items where await matches(item) { n += 1 }
        return n
    }

    static func waitFor(seconds: Int, _ condition: () async -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
            if await condition() { return true }
            try? await Task.sleep(for: .milliseconds(250))
        }
        return await condition()
    }
}
