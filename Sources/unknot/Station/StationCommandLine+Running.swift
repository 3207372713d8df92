import Dispatch
import Foundation
import Logging
import UnknotStation

extension StationCommandLine {
    /// Where the station's own console is served: host, port and key.
    typealias ConsoleAddress = (host: String, port: Int, key: String)

    /// Runs `work` side by side until one of them ends or SIGINT or SIGTERM arrives (the others are
    /// then cancelled), then `finally`; returns when all is done.
    static func runUntilSignalled(
        _ work: [@Sendable () async -> Void], finally: @escaping @Sendable () async -> Void = {}
    ) {
        let ended = DispatchSemaphore(value: 0)
        let running = Task {
            await withTaskGroup(of: Void.self) { group in
                for job in work { group.addTask { await job() } }
                await group.next()
                group.cancelAll()
            }
            await finally()
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
    }

    /// The station's own console on `console`, as one of the station's jobs (none without one).
    static func consoleJob<Station: RunningStation>(
        _ runtime: StationRuntime<Station>, at console: ConsoleAddress?, logger: Logger
    ) -> [@Sendable () async -> Void] {
        guard let console else { return [] }
        return [
            {
                do {
                    try await StationConsole.serve(
                        runtime: runtime, key: console.key, hostname: console.host, port: console.port, logger: logger)
                } catch {
                    logger.error("the station's console stopped", metadata: ["error": "\(error)"])
                }
            }
        ]
    }

    /// `--console-listen` and `--console-key` as an address, printed for whoever sets the tablet up.
    func consoleAddress(station: Int) -> ConsoleAddress? {
        guard let consoleListen, let (host, port) = Self.hostAndPort(consoleListen) else { return nil }
        let address = (host, port, consoleKey ?? StationConsole.newKey())
        Self.say("station \(station): its console at http://\(host):\(port)/?key=\(address.2)")
        return address
    }
}
