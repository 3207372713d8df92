import Benchmark
import Foundation
import Logging
import UnknotCore
import UnknotStudio

/// Target (issue #5, release build): availability search for 20 stations over 14 days in at
/// most 10 ms p99. Run with
/// `swift package --allow-writing-to-package-directory benchmark --target StudioBenchmarks`.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal],
        timeUnits: .microseconds, maxDuration: .seconds(5), maxIterations: 2_000)

    // A busy fortnight: 20 stations, each with six to eight bookings a day of 30 to 90 minutes.
    let first = StudioTime(CalendarDate(year: 2026, month: 11, day: 23) ?? .today(), 0).day
    var rng = SeededGenerator(seed: 2026)
    var stations: [AvailabilitySearch.Station] = []
    for id in 0..<20 {
        var bookings: [Range<StudioTime>] = []
        for day in first..<(first + 14) {
            var minute = 9 * 60 + 15 * Int.random(in: 0...4, using: &rng)
            for _ in 0..<Int.random(in: 6...8, using: &rng) {
                let length = [30, 45, 60, 90].randomElement(using: &rng) ?? 60
                guard minute + length + 10 <= 20 * 60 else { break }
                let start = StudioTime(minutes: day * 1_440 + minute)
                bookings.append(start..<(start + length))
                minute += length + 10 + 15 * Int.random(in: 0...2, using: &rng)
            }
        }
        stations.append(AvailabilitySearch.Station(id: id, bookings: bookings))
    }
    let now = StudioTime(minutes: first * 1_440 + 8 * 60)

    Benchmark("Availability: 20 stations × 14 days, 60 minutes") { benchmark in
        let search = try AvailabilitySearch()
        for _ in benchmark.scaledIterations {
            blackHole(try search.slots(minutes: 60, stations: stations, days: first...(first + 13), now: now))
        }
    }

    // The same question through the studio, as the API asks it: the bookings read from an
    // SQLite file (20 stations, a fortnight with six bookings a day on each), then the search.
    Benchmark(
        "Availability via the studio (SQLite file): 20 stations × 14 days, 60 minutes",
        configuration: .init(
            metrics: [.wallClock, .cpuTotal], timeUnits: .microseconds, maxDuration: .seconds(10), maxIterations: 1_000,
            setup: { try await StudioFixture.shared.prepare() }, teardown: { await StudioFixture.shared.close() })
    ) { benchmark in
        guard let studio = await StudioFixture.shared.studio else { return }
        for _ in benchmark.scaledIterations {
            blackHole(
                try await studio.availability(
                    program: "total-back", minutes: 60, from: "2026-11-24", to: "2026-12-07"))
        }
    }
}

/// A studio database with a busy fortnight, made once for the benchmark.
actor StudioFixture {
    static let shared = StudioFixture()

    private(set) var studio: Studio?
    private var path = ""

    func prepare() async throws {
        guard studio == nil else { return }
        path = FileManager.default.temporaryDirectory.appendingPathComponent("unknot-bench-\(UUID()).sqlite").path
        var logger = Logger(label: "bench")
        logger.logLevel = .error
        let database = try await StudioDatabase.open(.sqlite(path: path), logger: logger)
        let clock = SettableClock(Date(timeIntervalSince1970: 1_795_420_800))  // Monday 2026-11-23 08:00 UTC
        let settings = StudioSettings(timeZone: TimeZone(identifier: "UTC") ?? .current, passwordCost: 4)
        let studio = Studio(database: database, settings: settings, catalog: try ProgramCatalog.bundled(), clock: clock)
        try await studio.prepareCatalog()
        let admin = try await studio.createAccount(
            email: "admin@bench.example", name: "Admin", password: "benchmark password", role: .admin)
        let caller = Caller(accountID: admin.id, role: .admin, name: admin.name)
        for n in 1...20 { _ = try await studio.createStation(caller, StationChange(name: "Table \(n)")) }
        let client = try await studio.createAccount(
            email: "client@bench.example", name: "Client", password: "benchmark password")
        let booker = Caller(accountID: client.id, role: .client, name: client.name)
        for day in 0..<14 {
            let date = CalendarDate(dayNumber: (CalendarDate(year: 2026, month: 11, day: 24)?.dayNumber ?? 0) + day)
            for station in 1...20 {
                for (n, hour) in [9, 10, 12, 14, 16, 18].enumerated() {
                    let minute = (station + n) % 2 == 0 ? "00" : "15"
                    _ = try? await studio.book(
                        booker, program: "total-back", minutes: [30, 45, 60][(station + n) % 3],
                        start: "\(date)T\(hour < 10 ? "0" : "")\(hour):\(minute)", station: station)
                }
            }
        }
        self.studio = studio
    }

    func close() async {
        await studio?.database.shutdown()
        studio = nil
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}
