import ArgumentParser
import Dispatch
import Foundation
import Logging
import UnknotCore
import UnknotDemoStations
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
        var logger = Logger(label: "unknot.station")
        logger.logLevel = quiet ? .warning : .info
        let stations = try DemoStations(
            credentials: [station: token], studio: studio,
            directory: URL(fileURLWithPath: stationDirectory),
            pace: speedUp == 1 ? .realTime : .realTime(speedUp: speedUp),
            catalog: try programs.catalog(), logger: logger)
        Self.say("station \(station): simulated, linking to the studio at \(studio); records in \(stationDirectory)")
        let ended = DispatchSemaphore(value: 0)
        let running = Task {
            await stations.run()
            ended.signal()
        }
        let signals = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { running.cancel() }
            source.resume()
            return source
        }
        ended.wait()
        _ = signals
        Self.say("station \(station): stopped")
    }
}
