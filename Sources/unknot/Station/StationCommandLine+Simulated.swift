import ArgumentParser
import Dispatch
import Foundation
import Logging
import UnknotCore
import UnknotDemoStations
import UnknotSimulation
import UnknotStation
import UnknotStudioLink

extension StationCommandLine {
    /// `--simulated`: a demo station as its own process, linked to the studio, running the
    /// sessions the studio sends it on a simulated arm and body until SIGINT or SIGTERM (a running
    /// session then pauses, the arm lifted, and its record stays on disk for the studio).
    func runSimulated() throws {
        guard let studio, let station else { return }
        guard let token = token ?? ProcessInfo.processInfo.environment["UNKNOT_STATION_TOKEN"], !token.isEmpty else {
            throw ValidationError(
                "--studio needs the station's credential: --token ust_… or UNKNOT_STATION_TOKEN (an admin issues it)")
        }
        guard let speedUp = ServeCommand.speedUp(stationSpeed) else {
            throw ValidationError("--station-speed \(stationSpeed) is not a speed; write 1x to 600x, e.g. 60x")
        }
        var stationLogger = Logger(label: "unknot.station")
        stationLogger.logLevel = quiet ? .warning : .info
        let logger = stationLogger
        let stations = try DemoStations(
            credentials: [station: token], studio: studio,
            directory: URL(fileURLWithPath: stationDirectory),
            pace: speedUp == 1 ? .realTime : .realTime(speedUp: speedUp),
            catalog: try programs.catalog(), logger: logger)
        Self.say("station \(station): simulated, linking to the studio at \(studio); records in \(stationDirectory)")
        let console = stations.stations.first.flatMap { first in
            consoleAddress(station: station).map { (first.runtime, $0) }
        }
        Self.runUntilSignalled(
            [{ await stations.run() }] + (console.map { Self.consoleJob($0.0, at: $0.1, logger: logger) } ?? []))
        Self.say("station \(station): stopped")
    }

    /// `HOST:PORT` as a host and a port (0 to 65535).
    static func hostAndPort(_ text: String) -> (String, Int)? {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
            (0...65_535).contains(port), colon > text.startIndex
        else { return nil }
        return (String(text[..<colon]), port)
    }
}
