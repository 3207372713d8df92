import UnknotRobotLink

/// The body sensors over the network: ``BodySensorWire`` datagrams on a UDP port of the station
/// (a sensor hub on the table's network sends them). Datagrams that do not decode are counted
/// and dropped.
public final class BodySensorSocket: BodySensorSource, @unchecked Sendable {
    public let socket: DatagramSocket
    /// Datagrams refused (they did not decode).
    public private(set) var invalid = 0
    private let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 512, alignment: 8)

    public init(listening endpoint: DatagramSocket.Endpoint) throws(DatagramSocketError) {
        socket = try DatagramSocket(bindingTo: endpoint)
    }

    deinit { buffer.deallocate() }

    public var port: UInt16 { socket.localPort }

    public func next(waitingUpTo milliseconds: Int) -> BodySensorEvent {
        var waited = false
        while true {
            switch socket.receive(into: buffer) {
            case .datagram(let count, _):
                do {
                    return .reading(try BodySensorWire.decode(UnsafeRawBufferPointer(rebasing: buffer[0..<count])))
                } catch {
                    invalid += 1
                }
            case .nothing, .failed:
                if waited { return .nothing }
                waited = true
                guard socket.wait(milliseconds: milliseconds) else { return .nothing }
            }
        }
    }
}
