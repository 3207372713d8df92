import Benchmark
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
}
