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
        var console: (runtime: StationRuntime<SimulatedStation>, host: String, port: Int, key: String)?
        if let consoleListen, let (host, port) = Self.hostAndPort(consoleListen), let first = stations.stations.first {
            console = (first.runtime, host, port, consoleKey ?? StationConsole.newKey())
            Self.say("station \(station): its console at http://\(host):\(port)/?key=\(console?.key ?? "")")
        }
        let ended = DispatchSemaphore(value: 0)
        let running = Task { [console] in
            await withTaskGroup(of: Void.self) { group in
                group.addTask { await stations.run() }
                if let console {
                    group.addTask {
                        do {
                            try await StationConsole.serve(
                                runtime: console.runtime, key: console.key, hostname: console.host, port: console.port,
                                logger: logger)
                        } catch {
                            logger.error("the station's console stopped", metadata: ["error": "\(error)"])
                        }
                    }
                }
                await group.next()
                group.cancelAll()
            }
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

    /// `HOST:PORT` as a host and a port (0 to 65535).
    static func hostAndPort(_ text: String) -> (String, Int)? {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
            (0...65_535).contains(port), colon > text.startIndex
        else { return nil }
        return (String(text[..<colon]), port)
    }
}
