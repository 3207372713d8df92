import Foundation
import HTTPTypes
import HummingbirdTesting
import HummingbirdWSClient
import HummingbirdWSTesting
import Logging
import Testing
import UnknotCore
import UnknotDemoStations
import UnknotServer
import UnknotStation
import UnknotStudio
import UnknotStudioLink

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Timing under attack, run alone by `scripts/test` (`UNKNOT_TIMING_CHECKS=1`; in the main run,
/// where every suite shares two cores, it is skipped): a flood of wrong-password sign-ins must not
/// slow a station or a staff stop. Nothing on a station's path waits on the database or on
/// password hashing.
@Suite(
    "Station timing under a sign-in flood", .serialized,
    .enabled(if: ProcessInfo.processInfo.environment["UNKNOT_TIMING_CHECKS"] == "1"))
struct StationTimingChecks {
    static let floodSeconds = 20
    static let floodInFlight = 32

    @Test(
        "32 wrong-password sign-ins in flight, a staff dashboard open: stations keep real time, staff stops arrive (p99 ≤ 250 ms), /health and availability answer (p99 ≤ 200 ms)"
    )
    func flood() async throws {
        try await TestStudio.run(
            .sqlite, .live, demoStations: false,
            configure: {
                // The studio's own hashing: bcrypt at cost 12 on its bounded pool.
                $0.passwordCost = 12
                $0.passwordHasher = PasswordHasher(threads: 1, capacity: 16)
                // A flood from many machines: one machine alone would be refused after 30 guesses.
                $0.signInsPerNetwork = .max
            }
        ) { studio, client in
            let t = try await client.tokens()
            let port = try #require(client.port)
            // Station 1: a demo station in real time, running a demo with its console open.
            let credential = try await client.call(
                .post, "/api/stations/1/credentials", token: t.admin, json: [String: Any]())
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("unknot-timing-\(UUID())")
            defer { try? FileManager.default.removeItem(at: folder) }
            let demo = try DemoStations(
                credentials: [1: try #require(credential.string("token"))], studio: "http://127.0.0.1:\(port)",
                directory: folder, pace: .realTime, catalog: try ProgramCatalog.bundled(), logger: TestStudio.logger)
            let demoRunning = Task { await demo.run() }
            defer { demoRunning.cancel() }
            // Station 2: a bench station that notes when each stop arrives.
            let token2 = try await client.call(
                .post, "/api/stations/2/credentials", token: t.admin, json: [String: Any]())
            let bench = BenchStation()
            let link = StudioLinkClient(
                studio: "http://127.0.0.1:\(port)", token: try #require(token2.string("token")),
                logger: TestStudio.logger)
            let benchRunning = Task { await link.run(bench) }
            defer { benchRunning.cancel() }
            #expect(await bench.first { if case .linked = $0 { true } else { false } } != nil)
            var demoLinked = false
            for _ in 0..<500 where !demoLinked {
                if case .connected? = await demo.stations[0].runtime.linkState { demoLinked = true }
                try await Task.sleep(for: .milliseconds(10))
            }
            let session = try LiveSessionTests.session(
                from: try await client.form("/demo", token: t.cleo, TestStudio.allWell))

            try await client.console(session, token: t.cleo) { feed, _ in
                try await client.ws("/staff/live", configuration: Self.cookie(t.staff)) { inbound, _, _ in
                    // The dashboard reads what it is sent, all along.
                    let dashboard = Task { for try await _ in inbound.messages(maxSize: 1 << 20) {} }
                    defer { dashboard.cancel() }
                    try await Task.sleep(for: .seconds(1))
                    // Before the flood, for comparison.
                    var quiet: [Duration] = []
                    for _ in 0..<8 {
                        let before = bench.stops
                        let pressed = ContinuousClock.now
                        _ = try await client.form("/staff/stations/2/stop", token: t.staff)
                        while bench.stops == before, ContinuousClock.now - pressed < .seconds(5) {
                            try await Task.sleep(for: .milliseconds(1))
                        }
                        quiet.append(ContinuousClock.now - pressed)
                    }
                    quiet.sort()
                    print("before the flood: stops p50 \(quiet[quiet.count / 2]), max \(quiet.last ?? .zero)")
                    let startTime = await feed.lastStatus?.time ?? 0
                    let started = ContinuousClock.now
                    // The flood: 32 sign-ins with a wrong password always in flight.
                    // (From connections of their own: the test's client has one.)
                    let flood = Task {
                        let configuration = URLSessionConfiguration.ephemeral
                        configuration.httpMaximumConnectionsPerHost = Self.floodInFlight
                        let session = URLSession(configuration: configuration)
                        await withTaskGroup(of: Void.self) { group in
                            for n in 0..<Self.floodInFlight {
                                group.addTask {
                                    while ContinuousClock.now - started < .seconds(Self.floodSeconds) {
                                        _ = try? await session.data(for: Self.wrongSignIn(port: port, n: n))
                                    }
                                }
                            }
                        }
                    }
                    // A client and a monitor meanwhile: availability and /health, each every 100 ms.
                    let probes = Task { () -> [Duration] in
                        let session = URLSession(configuration: .ephemeral)
                        var answers: [Duration] = []
                        var n = 0
                        while ContinuousClock.now - started < .seconds(Self.floodSeconds - 1) {
                            let path =
                                n % 2 == 0
                                ? "/health"
                                : "/api/availability?program=total-back&minutes=30&from=2026-11-24&to=2026-11-24"
                            n += 1
                            let asked = ContinuousClock.now
                            if let url = URL(string: "http://127.0.0.1:\(port)\(path)"),
                                let (_, response) = try? await session.data(from: url),
                                (response as? HTTPURLResponse)?.statusCode == 200
                            {
                                answers.append(ContinuousClock.now - asked)
                            } else {
                                answers.append(.seconds(60))
                            }
                            try? await Task.sleep(for: .milliseconds(50))
                        }
                        return answers.sorted()
                    }
                    // Staff stops station 2 every 250 ms meanwhile.
                    var delays: [Duration] = []
                    while ContinuousClock.now - started < .seconds(Self.floodSeconds - 1) {
                        let before = bench.stops
                        let pressed = ContinuousClock.now
                        _ = try await client.form("/staff/stations/2/stop", token: t.staff)
                        while bench.stops == before, ContinuousClock.now - pressed < .seconds(5) {
                            try await Task.sleep(for: .milliseconds(1))
                        }
                        delays.append(ContinuousClock.now - pressed)
                        try await Task.sleep(for: .milliseconds(40))
                    }
                    await flood.value
                    let answers = await probes.value
                    let probeP99 = answers[min(answers.count - 1, answers.count * 99 / 100)]
                    print(
                        "flood: /health and availability, \(answers.count) asked, p50 \(answers[answers.count / 2]), p99 \(probeP99)"
                    )
                    #expect(probeP99 <= .milliseconds(200), "/health and availability: p99 \(probeP99)")
                    let elapsed = ContinuousClock.now - started
                    let stationTime = (await feed.lastStatus?.time ?? 0) - startTime
                    let ratio =
                        Double(stationTime)
                        / (Double(elapsed.components.seconds) * 1_000 + Double(elapsed.components.attoseconds) / 1e15)
                    delays.sort()
                    let p99 = delays[min(delays.count - 1, delays.count * 99 / 100)]
                    print(
                        "flood: station pace \(ratio), stops \(delays.count), p50 \(delays[delays.count / 2]), p99 \(p99), max \(delays.last ?? .zero)"
                    )
                    // The console's last status may be up to 100 ms old: allow that, not more.
                    #expect(ratio >= 0.99 - 0.1 / Double(Self.floodSeconds), "the station kept \(ratio) of real time")
                    #expect(p99 <= .milliseconds(250), "stops: p99 \(p99)")
                    #expect(delays.last ?? .zero < .seconds(5), "every stop arrived")
                }
            }
        }
    }

    static func wrongSignIn(port: Int, n: Int) -> URLRequest {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/api/auth/login")!)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        let email = n % 2 == 0 ? "cleo@test.example" : "x\(n)@nowhere.example"
        request.httpBody = Data("{\"email\":\"\(email)\",\"password\":\"wrong \(n)\"}".utf8)
        return request
    }

    static func cookie(_ token: String) -> WebSocketClientConfiguration {
        var configuration = WebSocketClientConfiguration()
        configuration.additionalHeaders = [.cookie: "unknot_session=\(token)"]
        return configuration
    }
}
