import ArgumentParser
import Foundation
import Synchronization
import UnknotStation

extension StationCommandLine {
    /// The body sensors' socket on `address` (`udp://HOST:PORT`), if one is given.
    static func bodySensorSocket(_ address: String?) throws -> BodySensorSocket? {
        guard let address else { return nil }
        do {
            let socket = try BodySensorSocket(listening: try DatagramSocket.Endpoint(url: address))
            say("station: the body sensors send to udp port \(socket.port)")
            return socket
        } catch {
            throw ValidationError("--body-sensors: \(error)")
        }
    }

    /// Reads the body sensors on a thread of their own, posting to whatever `target` gives (the
    /// running session's loop; nothing between sessions), until the process ends.
    static func readBodySensors(
        _ socket: BodySensorSocket, into target: @escaping @Sendable () -> StationLoop<RobotLinkHardware>?
    ) throws {
        let sensors = try StationBodySensors(source: socket)
        Thread {
            sensors.run(posting: { command in target()?.commands.post(command) ?? true })
        }.start()
    }
}

/// The loop of the session an arm station runs now, for readers outside any session (the body
/// sensors).
final class CurrentLoop: Sendable {
    private let current = Mutex<StationLoop<RobotLinkHardware>?>(nil)

    var loop: StationLoop<RobotLinkHardware>? { current.withLock { $0 } }

    func set(_ loop: StationLoop<RobotLinkHardware>?) { current.withLock { $0 = loop } }
}
