import ArgumentParser
import Foundation
import UnknotRobotLink
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

    /// Reads the body sensors on a thread of their own for whichever session is on `table`
    /// (nothing between sessions), until the process ends.
    static func readBodySensors(_ socket: BodySensorSocket, following table: SessionAtTable<RobotLinkHardware>) throws {
        let sensors = try StationBodySensors(source: socket)
        Thread { sensors.run(following: table) }.start()
    }
}
