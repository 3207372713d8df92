import Foundation
import Logging
import UnknotCore
import UnknotSimulation
import UnknotStation
import UnknotStudioLink

/// The studio's demo stations: one simulated station per credential, each its own
/// ``StationRuntime`` linked to the studio over the studio link, exactly as a station program on
/// its own machine would be (`unknot serve` runs them beside the studio; the server never runs a
/// simulation itself).
///
/// Guarantees: each station keeps its records in its own folder under `directory` until the
/// studio holds them; their time passes by ``StationPace`` (real time, faster for demos, or only
/// when a test advances it); when ``run()`` is cancelled, every running session pauses (the arm
/// lifts) and its record is flushed.
public final class DemoStations: Sendable {
    public let stations: [(id: Int, runtime: StationRuntime<SimulatedStation>)]
    public let pace: StationPace
    private let clients: [StudioLinkClient]

    /// - Parameters:
    ///   - credentials: each station's number and its link token.
    ///   - studio: the studio's address, `http://HOST:PORT`.
    public init(
        credentials: [Int: String], studio: String, directory: URL, pace: StationPace,
        catalog: ProgramCatalog, logger: Logger
    ) throws {
        var stations: [(id: Int, runtime: StationRuntime<SimulatedStation>)] = []
        var clients: [StudioLinkClient] = []
        for (id, token) in credentials.sorted(by: { $0.key < $1.key }) {
            let runtime = try StationRuntime<SimulatedStation>(
                name: "Demo station \(id)", directory: directory.appendingPathComponent("station-\(id)"),
                software: StudioLinkProtocol.software + " (demo station)", speedUp: pace.speedUp,
                plan: DemoStation.planner(catalog: catalog))
            stations.append((id, runtime))
            var stationLogger = logger
            stationLogger[metadataKey: "station"] = "\(id)"
            clients.append(StudioLinkClient(studio: studio, token: token, logger: stationLogger))
        }
        self.stations = stations
        self.clients = clients
        self.pace = pace
        pace.attach(stations.map(\.runtime))
    }

    /// Links every station to the studio and runs their time, until cancelled.
    public func run() async {
        await withTaskGroup(of: Void.self) { group in
            for (client, station) in zip(clients, stations) {
                group.addTask { await client.run(station.runtime) }
            }
            group.addTask { await self.pace.run() }
            await group.waitForAll()
        }
        for station in stations { await station.runtime.shutDown() }
    }
}
